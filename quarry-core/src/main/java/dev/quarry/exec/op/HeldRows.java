package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * Rows that an operator must keep until its input ends, such as the main rows of {@code join}, which waits for its
 * subsearch. Past the limit ({@link Limits#rows()}), adding a row raises a {@link RowLimitException} that names the
 * command, instead of exhausting the heap that every detection of a run shares.
 */
public final class HeldRows {
    private final StateLimit limit;
    private final List<Row> rows = new ArrayList<>();

    /**
     * Creates an empty buffer of at most {@code limit} rows. {@code command} and {@code scope} make the failure
     * message, as in "join keeps at most N rows of the main search until its subsearch finishes".
     */
    public HeldRows(String command, String scope, int limit) {
        this(StateLimit.rows(command, scope, limit));
    }

    HeldRows(StateLimit limit) {
        this.limit = limit;
    }

    public void add(Row row) {
        limit.check(rows.size() + 1L);
        rows.add(row);
    }

    /** Returns the rows in the order they were added. The list is live, not a copy. */
    public List<Row> rows() {
        return rows;
    }

    public int size() {
        return rows.size();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** Forgets the rows, so that they can be collected once they have been passed on. */
    public void clear() {
        rows.clear();
    }
}
