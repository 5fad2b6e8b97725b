package io.fedlab.e2e;

import java.util.List;

import org.openqa.selenium.By;

/** The flow inspector, {@code /flow}: the hops of the last sign-in or logout. */
final class FlowPage extends Page {

	FlowPage(Browser browser, String app) {
		super(browser, app, "/flow", By.cssSelector("#flow-summary, #flow-none"));
	}

	/** "What just happened" on the current page (profile, logged-out, sign-in failed). */
	static FlowPage openFrom(Browser browser, String app) {
		browser.driver().findElement(By.id("flow-link")).click();
		return new FlowPage(browser, app);
	}

	String summary() {
		return text(By.id("flow-summary"));
	}

	/** The steps listed, in order ({@code data-step}). */
	List<String> steps() {
		return findAll(By.cssSelector("li.flow-hop")).stream().map((hop) -> hop.getDomAttribute("data-step")).toList();
	}

	/** The steps marked as where the flow failed. */
	List<String> failedSteps() {
		return findAll(By.cssSelector("li.flow-hop[data-status='failed']")).stream()
			.map((hop) -> hop.getDomAttribute("data-step"))
			.toList();
	}

	boolean hasDiagram() {
		return !findAll(By.cssSelector("svg")).isEmpty();
	}

	String pageText() {
		return text(By.tagName("main"));
	}

}
