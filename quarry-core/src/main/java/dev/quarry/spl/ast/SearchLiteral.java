package dev.quarry.spl.ast;

/**
 * A value or term of the search language after one level of backslash unescaping ({@code \\} to {@code \},
 * {@code \"} to {@code "}, {@code \|} to {@code |}; other backslashes kept), with its quotes removed.
 * {@code *} in {@code text} is always a wildcard, quoted or not.
 */
public record SearchLiteral(String text, boolean quoted, SourceSpan span) {
}
