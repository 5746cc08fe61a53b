package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that an operator must keep until its input ends, such as the main rows of {@code join}, which waits for its
 * subsearch. Past the limit, the search fails with a {@link RowLimitException} that names the command, instead of
 * exhausting the heap that every detection of a run shares.
 */
public final class HeldRows {
    /**
     * The default limit. Measured on OpenJDK 17, 500,000 rows of ten short text and number fields (a tstats row of a
     * process detection) take about 600 MiB of heap.
     */
    public static final int DEFAULT_LIMIT = 500_000;

    private final String command;
    private final String scope;
    private final int limit;
    private final List<Row> rows = new ArrayList<>();

    /**
     * Creates an empty buffer. {@code command} and {@code scope} make the failure message, as in "join keeps at most
     * N rows of the main search until its subsearch finishes".
     */
    public HeldRows(String command, String scope, int limit) {
        if (limit < 1) {
            throw new IllegalArgumentException("limit must be positive: " + limit);
        }
        this.command = command;
        this.scope = scope;
        this.limit = limit;
    }

    public void add(Row row) {
        if (rows.size() >= limit) {
            throw new RowLimitException(String.format(java.util.Locale.ROOT,
                    "%s keeps at most %,d rows %s, and this search gave it more", command, limit, scope));
        }
        rows.add(row);
    }

    /** Returns the rows in the order they were added. The list is live, not a copy. */
    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    /** Forgets the rows, so that they can be collected once they have been passed on. */
    public void clear() {
        rows.clear();
    }
}
