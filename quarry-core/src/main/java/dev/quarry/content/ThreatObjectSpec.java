package dev.quarry.content;

/** A result field that names a threat object, with its type such as {@code process} or {@code file_name}. */
public record ThreatObjectSpec(String field, String type) {
}
