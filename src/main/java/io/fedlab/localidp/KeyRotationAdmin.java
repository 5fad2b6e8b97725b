package io.fedlab.localidp;

import com.github.tomakehurst.wiremock.extension.AdminApiExtension;
import com.github.tomakehurst.wiremock.http.RequestMethod;

import io.fedlab.localidp.http.Responses;

/**
 * {@code POST /__admin/fedlab/rotate-keys} on an emulator's admin API: replaces its
 * signing keys. On the local Cognito both signing keys of every pool are replaced (the
 * old ones stay in the JWKS so tokens already issued keep validating; relying parties
 * meet a {@code kid} they have not cached and must re-fetch the JWKS). On the local Auth0
 * the next key becomes the current one, as Auth0's own rotation does.
 */
final class KeyRotationAdmin implements AdminApiExtension {

	static final String PATH = "/fedlab/rotate-keys";

	private final Runnable rotate;

	KeyRotationAdmin(Runnable rotate) {
		this.rotate = rotate;
	}

	@Override
	public String getName() {
		return "fedlab-rotate-keys";
	}

	@Override
	public void contributeAdminApiRoutes(com.github.tomakehurst.wiremock.admin.Router router) {
		router.add(RequestMethod.POST, PATH, (admin, serveEvent, pathParams) -> {
			this.rotate.run();
			return Responses.json(200, "{\"rotated\":true}");
		});
	}

}
