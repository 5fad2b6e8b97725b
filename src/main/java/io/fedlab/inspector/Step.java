package io.fedlab.inspector;

/**
 * The hops a sign-in and a logout can take, in protocol order, with the two parties of
 * each arrow in the sequence diagram. The order breaks ties between hops logged in the
 * same millisecond.
 */
enum Step {

	AUTHORIZATION_REQUEST(Party.APP, Party.BROWSER, Channel.FRONT),

	HOSTED_UI(Party.BROWSER, Party.COGNITO, Channel.FRONT),

	AUTH0_AUTHORIZE(Party.BROWSER, Party.AUTH0, Channel.FRONT),

	AUTH0_LOGIN_PAGE(Party.BROWSER, Party.AUTH0, Channel.FRONT),

	AUTH0_LOGIN(Party.BROWSER, Party.AUTH0, Channel.FRONT),

	IDP_RESPONSE(Party.BROWSER, Party.COGNITO, Channel.FRONT),

	IDP_DISCOVERY(Party.COGNITO, Party.AUTH0, Channel.BACK),

	IDP_TOKEN(Party.COGNITO, Party.AUTH0, Channel.BACK),

	IDP_JWKS(Party.COGNITO, Party.AUTH0, Channel.BACK),

	IDP_USERINFO(Party.COGNITO, Party.AUTH0, Channel.BACK),

	FEDERATION_UNSEEN(Party.BROWSER, Party.AUTH0, Channel.UNSEEN),

	CALLBACK(Party.BROWSER, Party.APP, Channel.FRONT),

	TOKEN_REQUEST(Party.APP, Party.COGNITO, Channel.BACK),

	APP_JWKS(Party.APP, Party.COGNITO, Channel.BACK),

	ID_TOKEN_CHECKS(Party.APP, Party.APP, Channel.INTERNAL),

	USER_INFO(Party.APP, Party.COGNITO, Channel.BACK),

	SIGNED_IN(Party.APP, Party.BROWSER, Channel.FRONT),

	LOGOUT(Party.BROWSER, Party.APP, Channel.FRONT),

	REVOCATION(Party.APP, Party.COGNITO, Channel.BACK),

	AUTH0_LOGOUT(Party.BROWSER, Party.AUTH0, Channel.FRONT),

	COGNITO_LOGOUT(Party.BROWSER, Party.COGNITO, Channel.FRONT),

	LOGOUT_UNSEEN(Party.BROWSER, Party.AUTH0, Channel.UNSEEN),

	LOGGED_OUT(Party.BROWSER, Party.APP, Channel.FRONT);

	private final Party from;

	private final Party to;

	private final Channel channel;

	Step(Party from, Party to, Channel channel) {
		this.from = from;
		this.to = to;
		this.channel = channel;
	}

	Party from() {
		return this.from;
	}

	Party to() {
		return this.to;
	}

	Channel channel() {
		return this.channel;
	}

	/** The kebab-case name used in message keys, CSS classes and the JSON. */
	String key() {
		return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
	}

	/** The lanes of the sequence diagram, left to right. */
	enum Party {

		BROWSER, APP, COGNITO, AUTH0

	}

	/**
	 * Through the browser (a redirect or a form), server to server, inside the app, or
	 * somewhere the app could not see.
	 */
	enum Channel {

		FRONT, BACK, INTERNAL, UNSEEN

	}

}
