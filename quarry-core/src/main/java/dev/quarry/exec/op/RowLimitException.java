package dev.quarry.exec.op;

/**
 * A command had to keep more rows or groups than its {@link Limits} allow. The search that contains it stops, and
 * the other detections of the run go on.
 */
public final class RowLimitException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public RowLimitException(String message) {
        super(message);
    }
}
