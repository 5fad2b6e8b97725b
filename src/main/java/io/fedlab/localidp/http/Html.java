package io.fedlab.localidp.http;

/**
 * HTML helpers for the emulators' pages: escaping, and one plain page shell with no
 * script and no external resources.
 */
public final class Html {

	private Html() {
	}

	public static String escape(String text) {
		if (text == null) {
			return "";
		}
		StringBuilder out = new StringBuilder(text.length() + 16);
		for (int i = 0; i < text.length(); i++) {
			char c = text.charAt(i);
			switch (c) {
				case '<' -> out.append("&lt;");
				case '>' -> out.append("&gt;");
				case '&' -> out.append("&amp;");
				case '"' -> out.append("&quot;");
				case '\'' -> out.append("&#39;");
				default -> out.append(c);
			}
		}
		return out.toString();
	}

	/**
	 * A whole page. {@code title} is escaped here; {@code body} is trusted markup built
	 * by the caller, which must escape every value it interpolates.
	 */
	public static String page(String title, String accent, String body) {
		return """
				<!DOCTYPE html>
				<html lang="en"><head><meta charset="utf-8">
				<meta name="viewport" content="width=device-width, initial-scale=1">
				<title>%s</title>
				<style>
				body{font-family:system-ui,-apple-system,Segoe UI,Roboto,sans-serif;background:#f4f5f7;margin:0;color:#1d232b}
				main{max-width:26rem;margin:3rem auto;background:#fff;border-radius:10px;padding:2rem;box-shadow:0 2px 12px rgba(0,0,0,.08)}
				h1{font-size:1.3rem;margin:0 0 1rem;color:%s}
				label{display:block;margin:.8rem 0 .3rem;font-weight:600}
				input[type=email],input[type=password],input[type=text]{width:100%%;box-sizing:border-box;padding:.6rem;border:1px solid #c5cbd3;border-radius:6px;font-size:1rem}
				button,.button{display:block;width:100%%;box-sizing:border-box;margin-top:1.2rem;padding:.7rem;border:0;border-radius:6px;background:%s;color:#fff;font-size:1rem;text-align:center;text-decoration:none;cursor:pointer}
				.note{font-size:.85rem;color:#5b6573;margin-top:1.2rem}
				.error{background:#fdecea;color:#8a1c13;padding:.7rem;border-radius:6px}
				code{background:#eef0f3;padding:0 .2rem;border-radius:3px}
				</style></head>
				<body><main>%s</main></body></html>
				"""
			.formatted(escape(title), accent, accent, body);
	}

}
