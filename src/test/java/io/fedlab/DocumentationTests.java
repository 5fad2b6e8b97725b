package io.fedlab;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * What the project tells its readers points at things the repository holds: every
 * {@code *.md} named in the code, the resources, the docs or the README is a file of the
 * repository, and every section cited in one ({@code emulated-behaviour.md §C1.4}) is a
 * heading of that file. Also: the project never tells people to remove a fault with
 * {@code POST /__admin/mappings/reset}, which empties the request journal the flow
 * inspector reads.
 */
class DocumentationTests {

	private static final Path ROOT = Paths.get("").toAbsolutePath();

	/** Files the benchmark writes into {@code target/}; named, never shipped. */
	private static final Set<String> GENERATED = Set.of("report.md");

	private static final Pattern MD_NAME = Pattern.compile("(?<![\\w-])([\\w-]+\\.md)\\b");

	private static final Pattern CITATION = Pattern.compile(
			"([\\w-]+\\.md)((?:(?:,| and|,? and)? ?§[A-Z]?\\d+(?:\\.\\d+)*(?: (?:fact|item)s? \\d+(?: and \\d+)?)?)+)");

	private static final Pattern SECTION = Pattern.compile("§([A-Z]?\\d+(?:\\.\\d+)*)");

	@Test
	void mdFilesWhenNamedAnywhereThenTheyExistInTheRepository() {
		Set<String> shipped = markdownFiles().stream()
			.map((file) -> file.getFileName().toString())
			.collect(Collectors.toSet());
		List<String> missing = new ArrayList<>();
		for (Path file : sources()) {
			String text = read(file);
			Matcher matcher = MD_NAME.matcher(text);
			while (matcher.find()) {
				String name = matcher.group(1);
				if (!shipped.contains(name) && !GENERATED.contains(name)) {
					missing.add(ROOT.relativize(file) + ": " + name);
				}
			}
		}
		assertThat(missing).as("documents cited but not in the repository").isEmpty();
	}

	@Test
	void sectionsWhenCitedThenTheCitedFileHasThatHeading() {
		List<String> missing = new ArrayList<>();
		int citations = 0;
		for (Path file : sources()) {
			Matcher matcher = CITATION.matcher(read(file));
			while (matcher.find()) {
				Set<String> headings = headings(matcher.group(1));
				Matcher section = SECTION.matcher(matcher.group(2));
				while (section.find()) {
					citations++;
					if (!headings.contains(section.group(1))) {
						missing.add(ROOT.relativize(file) + ": " + matcher.group(1) + " §" + section.group(1));
					}
				}
			}
		}
		assertThat(citations).as("section citations found").isPositive();
		assertThat(missing).as("sections cited but not headings of the cited file").isEmpty();
	}

	@Test
	void bareSectionNumbersWhenFoundThenTheyBelongToAPublishedSpecification() {
		// The project's own sections are lettered (§C1.4, §A9, §R3); a bare number is a
		// section of an RFC or an OpenID or OWASP specification named just before it.
		Pattern bare = Pattern.compile("(?<![A-Z])§\\s?\\d");
		Pattern spec = Pattern.compile("(RFC \\d+|Core( 1\\.0)?|Discovery( 1\\.0)?|ASVS [\\d.]+|OIDC|OpenID[\\w ]*)"
				+ "[ ,]*(§\\s?[\\d.]+[ ,and]*)*$");
		List<String> unexplained = new ArrayList<>();
		for (Path file : sources()) {
			String text = read(file).replaceAll("\\s*\\n\\s*(\\*(?!/)|//|#)?\\s*", " ");
			Matcher matcher = bare.matcher(text);
			while (matcher.find()) {
				String before = text.substring(Math.max(0, matcher.start() - 60), matcher.start());
				if (!spec.matcher(before).find()) {
					unexplained.add(ROOT.relativize(file) + ": …" + before
							+ text.substring(matcher.start(), Math.min(text.length(), matcher.end() + 8)));
				}
			}
		}
		assertThat(unexplained).isEmpty();
	}

	@Test
	void headingsWhenParsedThenSectionNumbersAreFound() {
		assertThat(headings("emulated-behaviour.md")).contains("C1", "C1.4", "A11", "R2");
	}

	@Test
	void faultRemovalWhenExplainedThenByStubIdNeverByResetInTheSignInPages() {
		String messages = read(ROOT.resolve("src/main/resources/messages.properties"));
		assertThat(messages).doesNotContain("mappings/reset");
		for (String key : List.of("signin.error.provider-unavailable.fix", "signin.error.idp-timeout.fix",
				"signin.error.cognito-timeout.fix")) {
			assertThat(messages.lines().filter((line) -> line.startsWith(key + "=")).findFirst())
				.hasValueSatisfying((line) -> assertThat(line).contains("DELETE /__admin/mappings/<id>"));
		}
	}

	@Test
	void faultRemovalWhenExplainedInTheDocsThenResetOnlyToStartAfresh() {
		List<String> wrong = new ArrayList<>();
		for (Path file : markdownFiles()) {
			for (String paragraph : read(file).split("\n\\s*\n")) {
				if (paragraph.contains("mappings/reset") && !paragraph.contains("afresh")) {
					wrong.add(ROOT.relativize(file) + ": " + paragraph.strip());
				}
			}
		}
		assertThat(wrong).isEmpty();
		assertThat(read(ROOT.resolve("README.md"))).contains("jq -r .id")
			.contains("curl -X DELETE http://localhost:9240/__admin/mappings/$STUB");
	}

	private static Set<String> headings(String name) {
		Path file = markdownFiles().stream()
			.filter((candidate) -> candidate.getFileName().toString().equals(name))
			.findFirst()
			.orElse(null);
		Set<String> headings = new TreeSet<>();
		if (file == null) {
			return headings;
		}
		Matcher matcher = Pattern.compile("(?m)^#+ ([A-Z]?\\d+(?:\\.\\d+)*)\\.? ").matcher(read(file));
		while (matcher.find()) {
			headings.add(matcher.group(1));
		}
		return headings;
	}

	private static List<Path> sources() {
		List<Path> files = new ArrayList<>(markdownFiles());
		for (String dir : List.of("src/main", "src/test")) {
			files.addAll(walk(ROOT.resolve(dir)).stream().filter((file) -> !file.toString().endsWith(".md")).toList());
		}
		return files;
	}

	private static List<Path> markdownFiles() {
		List<Path> files = new ArrayList<>();
		files.add(ROOT.resolve("README.md"));
		files.addAll(walk(ROOT.resolve("docs")).stream().filter((file) -> file.toString().endsWith(".md")).toList());
		return files;
	}

	private static List<Path> walk(Path dir) {
		try (Stream<Path> files = Files.walk(dir)) {
			return files.filter(Files::isRegularFile)
				.filter((file) -> !file.toString().matches(".*\\.(png|jpg|jks|p12|der|class)$"))
				.sorted()
				.toList();
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String read(Path file) {
		try {
			return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
