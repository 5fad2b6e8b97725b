package io.fedlab.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The figures of one run, written as {@code report.md} and {@code report.json}: each with
 * its unit, its target (if any), met or missed, and a note saying why.
 */
final class BenchReport {

	/** A measured figure; {@code met} is null when there is no target. */
	record Figure(String section, String name, double value, String unit, String target, Boolean met, String note) {
	}

	private final Map<String, String> machine = new LinkedHashMap<>();

	private final List<Figure> figures = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	void machine(String key, String value) {
		this.machine.put(key, value);
	}

	void figure(String section, String name, double value, String unit) {
		this.figures.add(new Figure(section, name, value, unit, null, null, null));
	}

	void target(String section, String name, double value, String unit, String target, boolean met, String note) {
		this.figures.add(new Figure(section, name, value, unit, target, met, note));
	}

	void note(String text) {
		this.notes.add(text);
	}

	List<Figure> figures() {
		return List.copyOf(this.figures);
	}

	void write(Path dir) throws IOException {
		Files.createDirectories(dir);
		Files.writeString(dir.resolve("report.md"), markdown(), StandardCharsets.UTF_8);
		Files.writeString(dir.resolve("report.json"), json(), StandardCharsets.UTF_8);
	}

	String markdown() {
		StringBuilder md = new StringBuilder("# fedlab benchmark\n\n");
		this.machine.forEach((k, v) -> md.append("- **").append(k).append("**: ").append(v).append('\n'));
		String section = null;
		for (Figure f : this.figures) {
			if (!f.section().equals(section)) {
				section = f.section();
				md.append("\n## ")
					.append(section)
					.append("\n\n| Figure | Value | Target | Result |\n|---|---:|---|---|\n");
			}
			md.append("| ")
				.append(f.name())
				.append(" | ")
				.append(number(f.value()))
				.append(' ')
				.append(f.unit())
				.append(" | ")
				.append((f.target() != null) ? f.target() : "")
				.append(" | ")
				.append((f.met() == null) ? "" : (f.met() ? "met" : "**missed**"))
				.append((f.note() != null && !f.note().isEmpty()) ? ": " + f.note() : "")
				.append(" |\n");
		}
		if (!this.notes.isEmpty()) {
			md.append("\n## Notes\n\n");
			this.notes.forEach((n) -> md.append("- ").append(n).append('\n'));
		}
		return md.toString();
	}

	String json() {
		StringBuilder json = new StringBuilder("{\n  \"machine\": {");
		String comma = "";
		for (Map.Entry<String, String> e : this.machine.entrySet()) {
			json.append(comma).append("\n    ").append(quote(e.getKey())).append(": ").append(quote(e.getValue()));
			comma = ",";
		}
		json.append("\n  },\n  \"figures\": [");
		comma = "";
		for (Figure f : this.figures) {
			json.append(comma)
				.append("\n    {\"section\": ")
				.append(quote(f.section()))
				.append(", \"name\": ")
				.append(quote(f.name()))
				.append(", \"value\": ")
				.append(Double.isFinite(f.value()) ? number(f.value()) : "null")
				.append(", \"unit\": ")
				.append(quote(f.unit()))
				.append(", \"target\": ")
				.append((f.target() != null) ? quote(f.target()) : "null")
				.append(", \"met\": ")
				.append(f.met())
				.append(", \"note\": ")
				.append((f.note() != null) ? quote(f.note()) : "null")
				.append('}');
			comma = ",";
		}
		json.append("\n  ],\n  \"notes\": [");
		comma = "";
		for (String n : this.notes) {
			json.append(comma).append("\n    ").append(quote(n));
			comma = ",";
		}
		return json.append("\n  ]\n}\n").toString();
	}

	private static String number(double value) {
		if (value == Math.rint(value) && Math.abs(value) < 1e15) {
			return Long.toString((long) value);
		}
		return String.format(Locale.ROOT, "%.2f", value);
	}

	private static String quote(String text) {
		StringBuilder out = new StringBuilder("\"");
		for (char c : text.toCharArray()) {
			switch (c) {
				case '"' -> out.append("\\\"");
				case '\\' -> out.append("\\\\");
				case '\n' -> out.append("\\n");
				default -> {
					if (c < 0x20) {
						out.append(String.format("\\u%04x", (int) c));
					}
					else {
						out.append(c);
					}
				}
			}
		}
		return out.append('"').toString();
	}

}
