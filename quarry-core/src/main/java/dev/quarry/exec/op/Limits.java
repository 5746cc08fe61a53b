package dev.quarry.exec.op;

/**
 * The memory limits of each operator of a search. {@code rows} is the maximum number of rows that one operator keeps
 * until its input ends or for a window, and {@code groups} the maximum number of statistics groups or distinct keys.
 * Past either limit the operator raises a {@link RowLimitException}, which fails its detection while the other
 * detections of the run go on. A search with several such commands can therefore keep a multiple of these limits.
 */
public record Limits(int rows, int groups) {
    /** 500,000 rows and 1,000,000 groups. */
    public static final Limits DEFAULT = new Limits(500_000, 1_000_000);

    public Limits {
        if (rows < 1 || groups < 1) {
            throw new IllegalArgumentException("rows and groups must be 1 or more, not rows=" + rows + ", groups="
                    + groups);
        }
    }
}
