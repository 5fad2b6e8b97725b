package io.fedlab.account;

import io.fedlab.cognito.CognitoProperties;
import io.fedlab.security.SignInProblem;
import java.util.List;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

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

	/**
	 * The problem the failure handler left in the session; or, when the browser returns
	 * no session, one of the few problems the handler names in the URL (a fixed key,
	 * never a value from elsewhere).
	 */
	@GetMapping("/signin/failed")
	String signInFailed(HttpServletRequest request,
			@RequestParam(name = "problem", required = false) String withoutSession, Model model) {
		SignInProblem problem = SignInProblem.take(request.getSession(false))
			.or(() -> Optional.ofNullable(withoutSession)
				.filter(SignInProblem.WITHOUT_SESSION::contains)
				.map((key) -> new SignInProblem(key, "none", List.of())))
			.orElseGet(() -> new SignInProblem("none", "none", List.of()));
		model.addAttribute("problem", problem);
		model.addAttribute("identityProvider", this.cognito.identityProvider());
		return FAILED_VIEW;
	}

}
