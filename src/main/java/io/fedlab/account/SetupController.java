package io.fedlab.account;

import io.fedlab.cognito.AppProperties;
import io.fedlab.cognito.Auth0Properties;
import io.fedlab.cognito.CognitoProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The setup checklist page. Public: it shows URLs and client ids, which are not secrets,
 * and is needed before the first sign-in can work.
 */
@Controller
class SetupController {

	static final String VIEW = "account/setup";

	private final CognitoProperties cognito;

	private final Auth0Properties auth0;

	private final AppProperties app;

	SetupController(CognitoProperties cognito, Auth0Properties auth0, AppProperties app) {
		this.cognito = cognito;
		this.auth0 = auth0;
		this.app = app;
	}

	@GetMapping("/setup")
	String showChecklist(Model model) {
		model.addAttribute("sections", SetupChecklist.of(this.cognito, this.auth0, this.app));
		model.addAttribute("logoutMode", this.app.logout().mode().name());
		return VIEW;
	}

}
