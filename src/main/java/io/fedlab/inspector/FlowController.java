package io.fedlab.inspector;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * "What just happened": the caller's latest sign-in, failed sign-in or logout, hop by
 * hop, as a page with a sequence diagram and as a JSON download for bug reports. Never
 * cached: it describes one user's session (ASVS 14.3.2).
 */
@Controller
class FlowController {

	static final String FLOW_VIEW = "inspector/flow";

	private final ObjectProvider<FlowViews> views;

	FlowController(ObjectProvider<FlowViews> views) {
		this.views = views;
	}

	@GetMapping("/flow")
	String flow(HttpServletRequest request, Model model, jakarta.servlet.http.HttpServletResponse response) {
		response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
		FlowView flow = current(request);
		model.addAttribute("flow", flow);
		model.addAttribute("diagram", Diagram.of(flow.hops()));
		return FLOW_VIEW;
	}

	@GetMapping(path = "/flow.json", produces = MediaType.APPLICATION_JSON_VALUE)
	@ResponseBody
	ResponseEntity<FlowView> json(HttpServletRequest request) {
		return ResponseEntity.ok()
			.header(HttpHeaders.CACHE_CONTROL, "no-store")
			.header(HttpHeaders.CONTENT_DISPOSITION,
					ContentDisposition.attachment().filename("fedlab-flow.json").build().toString())
			.body(current(request));
	}

	private FlowView current(HttpServletRequest request) {
		FlowViews flowViews = this.views.getIfAvailable();
		return (flowViews != null) ? flowViews.current(request) : FlowView.none();
	}

}
