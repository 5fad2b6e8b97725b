package io.fedlab.provisioning;

import java.util.List;

/**
 * The outcome of {@link Setup#apply}: the identifiers the app needs and what changed.
 * {@link #toString()} masks the client secret. In a dry run, identifiers of resources
 * that do not exist yet are null.
 *
 * @param userPoolId the pool id, e.g. {@code eu-west-1_AbC123}
 * @param issuer the pool's issuer URL (the app's {@code issuer-uri})
 * @param domain the pool domain's base URL, without trailing slash
 * @param clientId the app client id
 * @param clientSecret the app client secret, or null
 * @param changes one entry per resource, in provisioning order
 */
public record SetupResult(String userPoolId, String issuer, String domain, String clientId, String clientSecret,
		List<ResourceChange> changes) {

	public SetupResult {
		changes = List.copyOf(changes);
	}

	/** Whether any resource is in {@link ResourceChange.Action#CONFLICT}. */
	public boolean hasConflicts() {
		return this.changes.stream().anyMatch((c) -> c.action() == ResourceChange.Action.CONFLICT);
	}

	/**
	 * The values to enter in Auth0 and the app's environment.
	 * @param config the configuration that was applied (app origin, callback URL)
	 */
	public Auth0Checklist checklist(SetupConfig config) {
		return new Auth0Checklist(this.domain, this.clientId,
				config.appClient().callbackUrls().isEmpty() ? null : config.appClient().callbackUrls().get(0),
				config.appOrigin(), this.issuer);
	}

	/**
	 * The checklist text: Auth0 values, then the app's environment (the secret only when
	 * {@code showSecret}).
	 */
	public String checklistText(SetupConfig config, boolean showSecret) {
		return checklist(config).render(showSecret ? this.clientSecret : null);
	}

	@Override
	public String toString() {
		return "SetupResult[userPoolId=" + this.userPoolId + ", issuer=" + this.issuer + ", domain=" + this.domain
				+ ", clientId=" + this.clientId + ", clientSecret=" + Secrets.mask(this.clientSecret) + ", changes="
				+ this.changes + "]";
	}

}
