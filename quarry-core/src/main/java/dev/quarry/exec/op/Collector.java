package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.List;

/**
 * The end of a pipeline: keeps the result rows in order, at most {@link Limits#rows()} of them. Past that, the
 * search fails with a {@link RowLimitException} that names its final result rows, or a subsearch's result rows.
 */
public final class Collector implements Operator {
    private final HeldRows rows;
    private boolean finished;

    private Collector(StateLimit limit) {
        this.rows = new HeldRows(limit);
    }

    /** Returns a collector for the final result rows of a search. */
    public static Collector results(int maxRows) {
        return new Collector(StateLimit.results(maxRows));
    }

    /** Returns a collector for the result rows of a subsearch, which the search that uses them reads later. */
    public static Collector subsearchResults(int maxRows) {
        return new Collector(StateLimit.subsearchResults(maxRows));
    }

    @Override
    public void push(Row row) {
        rows.add(row);
    }

    @Override
    public long held() {
        return rows.size();
    }

    @Override
    public void finish() {
        finished = true;
    }

    /** Returns the rows received so far, in order. The list is live, not a copy. */
    public List<Row> rows() {
        return rows.rows();
    }

    public boolean finished() {
        return finished;
    }
}
