package io.fedlab.system;

import java.net.ConnectException;

import org.junit.jupiter.api.Test;

import org.springframework.beans.factory.BeanCreationException;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.web.client.ResourceAccessException;

import static org.assertj.core.api.Assertions.assertThat;

class IssuerDiscoveryFailureAnalyzerTests {

	private final IssuerDiscoveryFailureAnalyzer analyzer = new IssuerDiscoveryFailureAnalyzer();

	@Test
	void analyzeWhenDiscoveryUnreachableThenNamesTheIssuerAndTheCause() {
		// The message Spring's ClientRegistrations throws when the document cannot be
		// fetched
		IllegalArgumentException discovery = new IllegalArgumentException(
				"Unable to resolve Configuration with the provided Issuer of "
						+ "\"https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123\"",
				new ResourceAccessException("I/O error", new ConnectException("Connection refused")));
		FailureAnalysis analysis = this.analyzer
			.analyze(new BeanCreationException("clientRegistrationRepository", "failed", discovery));
		assertThat(analysis.getDescription())
			.contains("https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbC123/.well-known/openid-configuration")
			.contains("ConnectException: Connection refused");
		assertThat(analysis.getAction()).contains("COGNITO_REGION");
	}

	@Test
	void analyzeWhenDiscoveryIssuerDiffersThenSaysSoAndHowToFix() {
		// OIDC Discovery §4.3; rp-security.md §1.2
		// oidcc-client-test-discovery-issuer-mismatch
		IllegalStateException mismatch = new IllegalStateException("The Issuer \"https://evil.example\" provided in "
				+ "the configuration metadata did not match the requested issuer \"https://cognito-idp.x/y\"");
		FailureAnalysis analysis = this.analyzer.analyze(new BeanCreationException("x", "failed", mismatch));
		assertThat(analysis.getDescription()).contains("different issuer").contains("https://evil.example");
		assertThat(analysis.getAction()).contains("COGNITO_ISSUER_URI");
	}

	@Test
	void analyzeWhenUnrelatedFailureThenLeftToOtherAnalyzers() {
		assertThat(this.analyzer.analyze(new IllegalArgumentException("something else"))).isNull();
	}

}
