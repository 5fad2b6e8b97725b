package io.fedlab.account;

import java.util.List;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.CognitoProperties;

import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
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

	AccountController(CognitoProperties cognito, AppProperties app) {
		this.cognito = cognito;
		this.app = app;
	}

	@GetMapping("/")
	String home(Model model) {
		model.addAttribute("identityProvider", this.cognito.identityProvider());
		return HOME_VIEW;
	}

	@GetMapping("/logged-out")
	String loggedOut(Model model) {
		model.addAttribute("logoutMode", this.app.logout().mode().name());
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
