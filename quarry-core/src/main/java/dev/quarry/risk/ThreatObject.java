package dev.quarry.risk;

/** A threat object of a risk event: a value from the result row and its type, such as {@code process}. */
public record ThreatObject(String value, String type) {
}
