package io.fedlab.system;

import io.fedlab.security.IssuerDiscoveryException;
import io.fedlab.security.TestIssuerDiscoveryExceptions;
import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerDiscoveryFailureAnalyzerTests {

	private final IssuerDiscoveryFailureAnalyzer analyzer = new IssuerDiscoveryFailureAnalyzer();

	@Test
	void analyzeWhenDiscoveryUnreachableThenNamesTheDocumentAndTheReasonOnly() {
		IssuerDiscoveryException discovery = TestIssuerDiscoveryExceptions
			.unreachable("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123", "no answer within 5 s");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("clientRegistrationRepository",
				"Error creating bean with name 'clientRegistrationRepository' defined in class path resource [x]",
				discovery));
		assertThat(analysis.getDescription())
			.contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/openid-configuration")
			.contains("no answer within 5 s")
			.doesNotContain("Error creating bean");
		assertThat(analysis.getAction()).contains("COGNITO_REGION");
	}

	@Test
	void analyzeWhenDiscoveryIssuerDiffersThenBothValuesAndTheFixWithoutTheBeanChain() {
		// OIDC Discovery §4.3; oidcc-client-test-discovery-issuer-mismatch
		IssuerDiscoveryException mismatch = TestIssuerDiscoveryExceptions.mismatch("https://cognito-idp.x/y",
				"https://evil.example");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("x",
				"Error creating bean with name 'x': Failed to instantiate [y]: " + mismatch.getMessage(), mismatch));
		assertThat(analysis.getDescription()).contains("different issuer")
			.contains("configured: https://cognito-idp.x/y")
			.contains(": https://evil.example")
			.doesNotContain("Error creating bean");
		assertThat(analysis.getDescription().length()).isLessThan(300);
		assertThat(analysis.getAction()).contains("COGNITO_ISSUER_URI");
	}

	@Test
	void analyzeWhenUnrelatedFailureThenLeftToOtherAnalyzers() {
		assertThat(this.analyzer.analyze(new IllegalArgumentException("something else"))).isNull();
	}

}
