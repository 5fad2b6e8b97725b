package io.fedlab.localidp.auth0;

/**
 * A user of the tenant's database connection ({@code Username-Password-Authentication}).
 *
 * @param userId {@code auth0|<24 lowercase hex>}, the ID-token {@code sub}
 * @param email the login name (compared case-insensitively, as Auth0 stores emails
 * lowercased)
 * @param password the password, in clear: this is a local test tenant
 * @param name the {@code name} claim (Auth0 defaults it to the email,
 * emulated-behaviour.md §A4)
 * @param nickname the {@code nickname} claim (Auth0 defaults it to the email's local
 * part)
 * @param emailVerified the {@code email_verified} claim
 */
public record Auth0User(String userId, String email, String password, String name, String nickname,
		boolean emailVerified) {

	public Auth0User {
		if (userId == null || !userId.matches("auth0\\|[0-9a-f]{24}")) {
			throw new IllegalArgumentException("An Auth0 user id looks like auth0|<24 lowercase hex>");
		}
		if (email == null || email.isBlank() || password == null || password.isEmpty()) {
			throw new IllegalArgumentException("Auth0 user " + userId + " needs an email and a password");
		}
		name = (name == null || name.isBlank()) ? email : name;
		nickname = (nickname == null || nickname.isBlank()) ? localPart(email) : nickname;
	}

	private static String localPart(String email) {
		int at = email.indexOf('@');
		return (at < 0) ? email : email.substring(0, at);
	}

	/** Never prints the password. */
	@Override
	public String toString() {
		return "Auth0User[userId=" + this.userId + ", email=" + this.email + ", name=" + this.name + ", nickname="
				+ this.nickname + ", emailVerified=" + this.emailVerified + "]";
	}

}
