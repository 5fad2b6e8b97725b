package io.fedlab.account;

import io.fedlab.cognito.CognitoProperties;
import io.fedlab.security.SignInProblem;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The sign-in page (a button, never an automatic redirect: ASVS 7.6.2) and the explained
 * sign-in error page. Neither reads a redirect target from the request:
 * {@code ?continue=} and the like are ignored (ASVS 3.7.2).
 */
@Controller
class SignInController {

	static final String SIGN_IN_VIEW = "account/signin";

	static final String FAILED_VIEW = "account/signin-failed";

	private final CognitoProperties cognito;

	SignInController(CognitoProperties cognito) {
		this.cognito = cognito;
	}

	@GetMapping("/signin")
	String signIn(Model model) {
		model.addAttribute("identityProvider", this.cognito.identityProvider());
		return SIGN_IN_VIEW;
	}

	@GetMapping("/signin/failed")
	String signInFailed(HttpServletRequest request, Model model) {
		SignInProblem problem = SignInProblem.take(request.getSession(false))
			.orElseGet(() -> new SignInProblem("none", "none", java.util.List.of()));
		model.addAttribute("problem", problem);
		model.addAttribute("identityProvider", this.cognito.identityProvider());
		return FAILED_VIEW;
	}

}
