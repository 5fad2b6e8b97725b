package io.fedlab.security;

import java.io.Serial;
import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import jakarta.servlet.http.HttpSession;

/**
 * Why a sign-in failed, as the explained error page shows it: a catalogue entry and the
 * few details that are safe to show (validated attribute names, a provider name, an HTTP
 * status). Never the raw {@code error_description}, which can hold claim values
 * (emulated-behaviour.md §R3 item 10).
 *
 * @param key the catalogue entry; the page reads
 * {@code signin.error.<key>.title|cause|fix} from the messages
 * @param code the OAuth 2.0 error code if it is a plain code, or {@code unknown}
 * @param details safe details for the message arguments
 */
public record SignInProblem(String key, String code, List<String> details) implements Serializable {

	@Serial
	private static final long serialVersionUID = 1L;

	static final String SESSION_ATTRIBUTE = SignInProblem.class.getName();

	/**
	 * Problems the failure page may read from its URL, because the browser returns no
	 * session to read them from: the session cookie did not come back.
	 */
	public static final Set<String> WITHOUT_SESSION = Set.of("cookie-needs-https", "cookie-not-returned");

	/**
	 * A detail for a message argument.
	 * @param index the index
	 * @return the detail, or an empty string
	 */
	public String detail(int index) {
		return (index < this.details.size()) ? this.details.get(index) : "";
	}

	/**
	 * Take (read and remove) the problem the failure handler left in the session.
	 * @param session the session, or {@code null}
	 * @return the problem, if there was one
	 */
	public static Optional<SignInProblem> take(HttpSession session) {
		if (session == null) {
			return Optional.empty();
		}
		Object problem = session.getAttribute(SESSION_ATTRIBUTE);
		session.removeAttribute(SESSION_ATTRIBUTE);
		return (problem instanceof SignInProblem signInProblem) ? Optional.of(signInProblem) : Optional.empty();
	}

}
