package dev.quarry.content;

/** One dataset of a detection test: where the data is, and the source and sourcetype to give its events. */
public record AttackData(String data, String source, String sourcetype) {
}
