package dev.quarry.spl.ast;

/**
 * A range of the macro-expanded search text: character offsets {@code [start, stop)} and the 1-based line and
 * column of {@code start}. {@link #SYNTHETIC} marks nodes the compiler creates itself.
 */
public record SourceSpan(int start, int stop, int line, int column) {
    public static final SourceSpan SYNTHETIC = new SourceSpan(-1, -1, 0, 0);

    public boolean isSynthetic() {
        return start < 0;
    }
}
