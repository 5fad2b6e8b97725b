package io.fedlab.provisioning;

import java.util.List;

import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Everything {@link Doctor} found, in check order.
 *
 * @param findings one entry per check
 */
public record DoctorReport(List<Finding> findings) {

	private static final JsonMapper JSON = JsonMapper.builder().build();

	public DoctorReport {
		findings = List.copyOf(findings);
	}

	/** Whether no check failed (warnings and manual checks do not count). */
	public boolean ok() {
		return this.findings.stream().noneMatch((f) -> f.status() == Finding.Status.FAIL);
	}

	/** 0 when no check failed, 1 otherwise. */
	public int exitCode() {
		return ok() ? 0 : 1;
	}

	public List<Finding> withStatus(Finding.Status status) {
		return this.findings.stream().filter((f) -> f.status() == status).toList();
	}

	/** The first finding with this id, or null. */
	public Finding find(String id) {
		return this.findings.stream().filter((f) -> f.id().equals(id)).findFirst().orElse(null);
	}

	/** One block per finding, then a summary line. */
	public String toText() {
		StringBuilder out = new StringBuilder();
		for (Finding finding : this.findings) {
			out.append(String.format("[%-6s] %s: %s%n", finding.status(), finding.id(), finding.message()));
			if (finding.fix() != null) {
				out.append("         fix: ").append(finding.fix()).append(System.lineSeparator());
			}
		}
		out.append(String.format("%d passed, %d failed, %d warnings, %d to check by hand%n",
				withStatus(Finding.Status.PASS).size(), withStatus(Finding.Status.FAIL).size(),
				withStatus(Finding.Status.WARN).size(), withStatus(Finding.Status.MANUAL).size()));
		return out.toString();
	}

	/** {@code {"ok":…,"findings":[{"id","status","message","fix"}]}}. */
	public String toJson() {
		ObjectNode root = JSON.createObjectNode();
		root.put("ok", ok());
		ArrayNode items = root.putArray("findings");
		for (Finding finding : this.findings) {
			ObjectNode item = items.addObject();
			item.put("id", finding.id());
			item.put("status", finding.status().name());
			item.put("message", finding.message());
			if (finding.fix() != null) {
				item.put("fix", finding.fix());
			}
		}
		return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(root);
	}

}
