package io.fedlab.account;

import java.util.List;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.CognitoProperties;
import io.fedlab.security.RevocationNotice;
import io.fedlab.security.RevocationRetry;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The public home page, the page the logout chain ends on, and the admin page.
 */
@Controller
class AccountController {

	static final String HOME_VIEW = "account/home";

	static final String LOGGED_OUT_VIEW = "account/logged-out";

	static final String ADMIN_VIEW = "account/admin";

	private final CognitoProperties cognito;

	private final AppProperties app;

	private final RevocationRetry revocations;

	AccountController(CognitoProperties cognito, AppProperties app, RevocationRetry revocations) {
		this.cognito = cognito;
		this.app = app;
		this.revocations = revocations;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("identityProvider", this.cognito.identityProvider());
		return HOME_VIEW;
	}

	/**
	 * Says which sessions ended and, when the refresh token could not be revoked at
	 * logout, what that means now: the logout's cookie names the pending revocation,
	 * whose state may have changed since.
	 */
	@GetMapping("/logged-out")
	String loggedOut(@CookieValue(name = RevocationRetry.COOKIE, required = false) String revocation, Model model) {
		RevocationNotice notice = this.revocations.notice(revocation);
		String mode = this.app.logout().mode().name();
		boolean stillValid = notice == RevocationNotice.PENDING || notice == RevocationNotice.REFUSED
				|| notice == RevocationNotice.GAVE_UP;
		// only this mode's text says the refresh token was revoked
		boolean saysRevoked = this.app.logout().mode() == AppProperties.LogoutMode.AUTH0_AND_COGNITO;
		model.addAttribute("logoutText", "loggedOut." + mode + ((stillValid && saysRevoked) ? ".notRevoked" : ""));
		model.addAttribute("revocation", notice.name());
		return LOGGED_OUT_VIEW;
	}

	@GetMapping("/admin")
	String admin(Authentication authentication, Model model) {
		List<String> authorities = authentication.getAuthorities()
			.stream()
			.map(GrantedAuthority::getAuthority)
			.sorted()
			.toList();
		model.addAttribute("adminGroup", this.app.adminGroup());
		model.addAttribute("authorities", authorities);
		return ADMIN_VIEW;
	}

}
