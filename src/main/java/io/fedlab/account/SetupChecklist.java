package io.fedlab.account;

import java.util.List;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoProperties;
import io.fedlab.provisioning.Auth0Checklist;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The values to enter in the Auth0 application and the Cognito app client, generated from
 * the running configuration: the manual checklist of the setup article, corrected where
 * the article is wrong (emulated-behaviour.md §S1, §A8, §A10, §C2).
 */
final class SetupChecklist {

	/**
	 * A group of settings on one console page.
	 *
	 * @param key message key of the section title
	 * @param items the settings
	 */
	record Section(String key, List<Item> items) {

	}

	/**
	 * One setting.
	 *
	 * @param key message key of the label
	 * @param value the exact value to enter; empty to leave the field empty
	 * @param noteKey message key of the explanation
	 */
	record Item(String key, String value, String noteKey) {

		Item(String key, String value) {
			this(key, value, key + ".note");
		}

	}

	private SetupChecklist() {
	}

	static List<Section> of(CognitoProperties cognito, Auth0Properties auth0, AppProperties app) {
		String domain = cognito.domainBase();
		String appOrigin = origin(app.base());
		Section auth0Application = new Section("setup.auth0",
				List.of(new Item("setup.auth0.callback", domain + "/oauth2/idpresponse"), loginUri(app),
						new Item("setup.auth0.logout-urls", domain + "/logout"),
						new Item("setup.auth0.web-origins", appOrigin), new Item("setup.auth0.cors-origins", appOrigin),
						new Item("setup.auth0.auth-method", "Client Secret (Post)")));
		Section appClient = new Section("setup.cognito-client",
				List.of(new Item("setup.cognito-client.callback", app.callbackUrl()),
						new Item("setup.cognito-client.sign-out", app.loggedOutUrl()),
						new Item("setup.cognito-client.identity-providers", cognito.identityProvider()),
						new Item("setup.cognito-client.flows", "code"),
						new Item("setup.cognito-client.scopes", "openid email profile aws.cognito.signin.user.admin")));
		Section identityProvider = new Section("setup.cognito-idp",
				List.of(new Item("setup.cognito-idp.name", cognito.identityProvider()),
						new Item("setup.cognito-idp.issuer",
								(auth0.domain() != null) ? auth0.domainBase() : "https://<tenant>"),
						new Item("setup.cognito-idp.client-id", (auth0.clientId() != null) ? auth0.clientId() : ""),
						new Item("setup.cognito-idp.scopes", "openid email profile"),
						new Item("setup.cognito-idp.mapping", "email=email, email_verified=email_verified")));
		return List.of(auth0Application, appClient, identityProvider);
	}

	/**
	 * The Application Login URI, from the same definition {@code setup} prints
	 * ({@link Auth0Checklist#applicationLoginUri(String)}).
	 */
	private static Item loginUri(AppProperties app) {
		String value = Auth0Checklist.applicationLoginUri(app.base());
		return new Item("setup.auth0.login-uri", value,
				value.isEmpty() ? "setup.auth0.login-uri.empty.note" : "setup.auth0.login-uri.note");
	}

	static String origin(String url) {
		return UriComponentsBuilder.fromUriString(url).replacePath(null).replaceQuery(null).build().toUriString();
	}

}
