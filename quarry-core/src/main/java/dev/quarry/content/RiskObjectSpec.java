package dev.quarry.content;

/**
 * A result field that names a risk object, with the risk object type ({@code system}, {@code user} or
 * {@code other}) and the score each risk event gets.
 */
public record RiskObjectSpec(String field, String type, int score) {
}
