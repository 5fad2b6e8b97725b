package io.fedlab.inspector;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MaskTests {

	private static final String CODE = "c43730bd-89c4-4d5f-a96b-bbe191f54273";

	private static final String STATE = "5LnOdt1uM3u4VKER9LJA6Pfg9QNa0JiKgJGGLSXtPh0=";

	@Test
	void valueWhenSecretThenOnlyItsLength() {
		for (String name : List.of("code", "access_token", "id_token", "refresh_token", "token", "client_secret",
				"code_verifier", "password", "Authorization", "Cookie")) {
			assertThat(Mask.value(name, CODE)).isEqualTo("••• (36 chars)");
		}
	}

	@Test
	void valueWhenFlowIdentifierThenFirstCharactersOnly() {
		assertThat(Mask.value("state", STATE)).isEqualTo("5LnOdt… (44 chars)").doesNotContain(STATE);
		assertThat(Mask.value("nonce", "abcdefghijklmnopqrstuvwxyz")).isEqualTo("abcdef… (26 chars)");
		// a short value shows at most a third of itself
		assertThat(Mask.value("state", "abcdefghi")).isEqualTo("abc… (9 chars)");
		assertThat(Mask.value("state", "ab")).isEqualTo("… (2 chars)");
	}

	@Test
	void valueWhenErrorDescriptionThenLeftOutBecauseCognitoCopiesClaimsIntoIt() {
		assertThat(Mask.value("error_description", "attributes required: [email] alice@example.com"))
			.isEqualTo("(not shown, 46 chars)");
	}

	@Test
	void valueWhenConfigurationThenWhole() {
		assertThat(Mask.value("client_id", "84mortit1f1vs1vyrauzxcss2z")).isEqualTo("84mortit1f1vs1vyrauzxcss2z");
		assertThat(Mask.value("redirect_uri", "http://localhost:8080/login/oauth2/code/cognito"))
			.isEqualTo("http://localhost:8080/login/oauth2/code/cognito");
		assertThat(Mask.value("error", "invalid_request")).isEqualTo("invalid_request");
		assertThat(Mask.value("state", null)).isNull();
	}

	@Test
	void queryWhenCallbackUrlThenEachParameterMaskedByName() {
		Map<String, String> masked = Mask
			.query("http://localhost:8080/login/oauth2/code/cognito?code=" + CODE + "&state=5LnOdt1uM3u4VKER9LJA6Pfg"
					+ "9QNa0JiKgJGGLSXtPh0%3D&error=invalid_request&error_description=Auth0+Error+-+500");
		assertThat(masked).containsExactly(Map.entry("code", "••• (36 chars)"),
				Map.entry("state", "5LnOdt… (44 chars)"), Map.entry("error", "invalid_request"),
				Map.entry("error_description", "(not shown, 17 chars)"));
		assertThat(masked.toString()).doesNotContain(CODE).doesNotContain(STATE);
	}

	@Test
	void parametersWhenEncodedThenDecodedForCorrelationOnly() {
		assertThat(Mask.parameters("/authorize?scope=openid+email&state=a%3D%3D&flag").get("state"))
			.containsExactly("a==");
		assertThat(Mask.parameters("/authorize?scope=openid+email").get("scope")).containsExactly("openid email");
		assertThat(Mask.parameters("/authorize?flag").get("flag")).containsExactly("");
		assertThat(Mask.parameters(null)).isEmpty();
		assertThat(Mask.form("code=x&code=y")).containsEntry("code", List.of("x", "y"));
	}

	@Test
	void withoutQueryWhenUrlHasQueryThenDropped() {
		assertThat(Mask.withoutQuery("http://localhost:9240/v2/logout?client_id=a&returnTo=b"))
			.isEqualTo("http://localhost:9240/v2/logout");
		assertThat(Mask.withoutQuery("/profile")).isEqualTo("/profile");
	}

}
