package io.fedlab.localidp;

import java.nio.file.Path;

/**
 * Where the local emulators listen and what the local pool is called. Bound from the
 * {@code local.*} properties (see {@code application.yml} and the README); a port of 0 is
 * replaced by a free port before anything starts, so that every URL is known up front.
 *
 * @param enabled start the emulators (the default; the {@code aws} profile turns it off)
 * @param host the host name the browser and the app use for every emulator
 * @param bindAddress the interface the emulators listen on ({@code 127.0.0.1} by default;
 * {@code 0.0.0.0} in a container)
 * @param cognitoApiPort the Cognito JSON API and issuer host (plays
 * {@code cognito-idp.<region>.amazonaws.com})
 * @param hostedUiPort the user-pool domain (plays
 * {@code <prefix>.auth.<region>.amazoncognito.com})
 * @param auth0Port the Auth0 tenant
 * @param region the region in pool ids and ARNs
 * @param poolName the local user pool's name
 * @param domainPrefix the domain prefix the hosted-UI port serves
 * @param dataDir where keys and the identifier seed are kept across restarts
 * @param auth0UsersFile an optional properties file of Auth0 users (see the README)
 * @param adminsGroup the group alice joins when her federated user is created
 * @param adminToken when set, WireMock's admin API of each emulator requires
 * {@code Authorization: Token <adminToken>} (for binds on a non-loopback interface);
 * {@code null} for none
 */
public record LocalStackSettings(boolean enabled, String host, String bindAddress, int cognitoApiPort, int hostedUiPort,
		int auth0Port, String region, String poolName, String domainPrefix, Path dataDir, Path auth0UsersFile,
		String adminsGroup, String adminToken) {

	public static final String PREFIX = "local";

	public String cognitoApiUrl() {
		return "http://" + this.host + ":" + this.cognitoApiPort;
	}

	public String hostedUiUrl() {
		return "http://" + this.host + ":" + this.hostedUiPort;
	}

	/** The local Auth0 issuer, with the trailing slash Auth0 always has. */
	public String auth0Issuer() {
		return "http://" + this.host + ":" + this.auth0Port + "/";
	}

	/**
	 * The local Auth0 issuer as Cognito's {@code oidc_issuer} is configured: without the
	 * slash.
	 */
	public String auth0Domain() {
		return "http://" + this.host + ":" + this.auth0Port;
	}

	public String cognitoIssuer(String poolId) {
		return cognitoApiUrl() + "/" + poolId;
	}

	public LocalStackSettings withPorts(int cognitoApi, int hostedUi, int auth0) {
		return new LocalStackSettings(this.enabled, this.host, this.bindAddress, cognitoApi, hostedUi, auth0,
				this.region, this.poolName, this.domainPrefix, this.dataDir, this.auth0UsersFile, this.adminsGroup,
				this.adminToken);
	}

	/** The settings without the admin token's value. */
	@Override
	public String toString() {
		return "LocalStackSettings[host=" + this.host + ", bindAddress=" + this.bindAddress + ", ports="
				+ this.cognitoApiPort + "/" + this.hostedUiPort + "/" + this.auth0Port + ", region=" + this.region
				+ ", poolName=" + this.poolName + ", domainPrefix=" + this.domainPrefix + ", dataDir=" + this.dataDir
				+ ", adminToken=" + ((this.adminToken != null) ? "(set)" : "(none)") + "]";
	}

}
