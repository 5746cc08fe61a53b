package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.List;
import java.util.function.Supplier;

/**
 * {@code append}: passes the main rows on as they come, then, when the input ends, the rows of a subsearch (which
 * has finished by then), at most {@code limit} of them, the first ones in their order. It keeps no rows itself:
 * the subsearch's rows stay in the subsearch's {@link Collector}, which has its own limit.
 */
public final class AppendOperator implements Operator {
    /**
     * The default for {@code maxout}, the subsearch rows that {@code append} adds. NOTE: Splunk documents 50,000 as
     * the {@code maxout} default of appendcols and 10,000 rows for subsearches in general; which one its append
     * uses is not verified.
     */
    public static final int SUBSEARCH_LIMIT = 50_000;

    private final Supplier<List<Row>> subsearch;
    private final int limit;
    private final Operator next;

    public AppendOperator(Supplier<List<Row>> subsearch, int limit, Operator next) {
        this.subsearch = subsearch;
        this.limit = limit;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        next.push(row);
    }

    @Override
    public void finish() {
        List<Row> rows = subsearch.get();
        int n = Math.min(limit, rows.size());
        for (int i = 0; i < n; i++) {
            next.push(rows.get(i));
        }
        next.finish();
    }
}
