package io.fedlab.localidp;

import io.fedlab.localidp.auth0.Auth0User;

/**
 * The lines printed once when the local stack is up: every URL, the pool, the test users.
 * With no app in the process ({@code emulators}), no app URL: the settings of the app the
 * pool serves are in {@code app.env}.
 */
final class LocalStackBanner {

	private LocalStackBanner() {
	}

	/**
	 * The banner; {@code appBaseUrl} is the URL of the app running in this process, or
	 * {@code null} when none does.
	 */
	static String text(LocalStack stack, String appBaseUrl) {
		LocalStackSettings s = stack.settings();
		LocalProvisioning.Result p = stack.provisioned();
		StringBuilder out = new StringBuilder("\n");
		if (p == null) {
			out.append("  Local Auth0 is up (emulator on WireMock; Cognito runs elsewhere)\n");
			out.append("  Auth0 tenant              ").append(s.auth0Issuer()).append('\n');
			out.append("  Callbacks allowed for     ").append(s.hostedUiUrl()).append('\n');
		}
		else {
			out.append("  Local stack is up (Cognito and Auth0 emulators on WireMock)\n");
			if (appBaseUrl != null) {
				out.append("  App                       ").append(appBaseUrl).append('\n');
			}
			else {
				out.append("  App                       none in this process (its settings: ")
					.append(s.dataDir().resolve("app.env"))
					.append(")\n");
			}
			out.append("  Cognito issuer            ").append(s.cognitoIssuer(p.userPoolId())).append('\n');
			out.append("  Cognito API (--endpoint-url) ").append(s.cognitoApiUrl()).append('\n');
			out.append("  Cognito domain (hosted UI) ").append(s.hostedUiUrl()).append('\n');
			out.append("  Auth0 tenant              ")
				.append(s.auth0Issuer())
				.append((stack.auth0() != null) ? "" : " (a separate process)")
				.append('\n');
			out.append("  User pool / app client    ")
				.append(p.userPoolId())
				.append(" / ")
				.append(p.clientId())
				.append('\n');
		}
		out.append("  WireMock admin API        <emulator URL>/__admin (add stubs and faults at runtime)\n");
		// Passwords stay out of logs, even the local ones: they are listed on the local
		// login page.
		out.append("  Auth0 users               ")
			.append(String.join(", ", stack.users().stream().map(Auth0User::email).toList()))
			.append(" (passwords on the local Auth0 login page)\n");
		return out.toString();
	}

}
