package dev.quarry.exec.op;

/** A command had to keep more rows than its limit allows; the search that contains it stops, the others go on. */
public final class RowLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RowLimitException(String message) {
        super(message);
    }
}
