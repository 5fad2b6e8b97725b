package io.fedlab.system;

import io.fedlab.cognito.AppProperties;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The friendly 403 page. Spring Security forwards here (status 403 already set) when a
 * signed-in user lacks a role; every method is mapped because the forward keeps the
 * original request's method.
 */
@Controller
class ErrorPagesController {

	static final String ACCESS_DENIED_VIEW = "error/403";

	private final AppProperties app;

	ErrorPagesController(AppProperties app) {
		this.app = app;
	}

	@RequestMapping("/access-denied")
	String accessDenied(Model model) {
		model.addAttribute("requiredGroup", this.app.adminGroup());
		return ACCESS_DENIED_VIEW;
	}

}
