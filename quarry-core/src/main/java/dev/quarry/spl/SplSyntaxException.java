package dev.quarry.spl;

/**
 * A search that does not parse. {@code line} and {@code column} are 1-based positions in the text that was
 * parsed (after macro expansion); callers that know the original text map them back with
 * {@link dev.quarry.spl.macro.Expansion#locate(int)}.
 */
public final class SplSyntaxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final int line;
    private final int column;
    private final String expected;
    private final String found;

    public SplSyntaxException(int offset, int line, int column, String expected, String found) {
        super("line " + line + ":" + column + ": expected " + expected + " but found " + found);
        this.offset = offset;
        this.line = line;
        this.column = column;
        this.expected = expected;
        this.found = found;
    }

    /** Character offset in the parsed text, or -1 at the end of the text. */
    public int offset() {
        return offset;
    }

    public int line() {
        return line;
    }

    public int column() {
        return column;
    }

    public String expected() {
        return expected;
    }

    public String found() {
        return found;
    }
}
