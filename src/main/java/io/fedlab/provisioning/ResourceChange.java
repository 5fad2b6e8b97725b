package io.fedlab.provisioning;

import java.util.List;

/**
 * What {@link Setup} did (or, in a dry run, would do) to one resource.
 *
 * @param resource the kind: {@code user pool}, {@code domain}, {@code identity provider},
 * {@code app client}, {@code group}
 * @param name the resource's name
 * @param action what happened
 * @param fields the changed field names (API names) for {@link Action#UPDATED}; never
 * values
 * @param detail a sentence for {@link Action#CONFLICT} (what cannot be changed and what
 * to do), or null
 */
public record ResourceChange(String resource, String name, Action action, List<String> fields, String detail) {

	public ResourceChange {
		fields = (fields != null) ? List.copyOf(fields) : List.of();
	}

	/** What happened to a resource. */
	public enum Action {

		/** Did not exist and was created. */
		CREATED,
		/** Existed; the listed fields drifted and were updated. */
		UPDATED,
		/** Existed as desired; no write call was made. */
		UNCHANGED,
		/**
		 * Differs in a way Cognito cannot change in place (required attributes, username
		 * case sensitivity, client secret, another pool's domain); left alone.
		 */
		CONFLICT

	}

	static ResourceChange created(String resource, String name) {
		return new ResourceChange(resource, name, Action.CREATED, List.of(), null);
	}

	static ResourceChange updated(String resource, String name, List<String> fields) {
		return new ResourceChange(resource, name, Action.UPDATED, fields, null);
	}

	static ResourceChange unchanged(String resource, String name) {
		return new ResourceChange(resource, name, Action.UNCHANGED, List.of(), null);
	}

	static ResourceChange conflict(String resource, String name, String detail) {
		return new ResourceChange(resource, name, Action.CONFLICT, List.of(), detail);
	}

	/** One line, e.g. {@code app client fedlab-web: updated (CallbackURLs)}. */
	public String describe(boolean dryRun) {
		String verb = switch (this.action) {
			case CREATED -> dryRun ? "would be created" : "created";
			case UPDATED -> (dryRun ? "would be updated" : "updated") + " (" + String.join(", ", this.fields) + ")";
			case UNCHANGED -> "unchanged";
			case CONFLICT -> "CONFLICT: " + this.detail;
		};
		return this.resource + " " + this.name + ": " + verb;
	}

}
