package dev.quarry.spl.macro;

/**
 * A macro call that cannot be expanded: unknown macro, wrong number of arguments, an expansion that refers to
 * itself, or an unterminated comment. {@code offset} is the position in the written search text.
 */
public final class MacroException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int offset;
    private final String macroName;

    public MacroException(String message, int offset, String macroName) {
        super(message);
        this.offset = offset;
        this.macroName = macroName;
    }

    public int offset() {
        return offset;
    }

    /** The macro concerned, or null for a problem with a comment. */
    public String macroName() {
        return macroName;
    }
}
