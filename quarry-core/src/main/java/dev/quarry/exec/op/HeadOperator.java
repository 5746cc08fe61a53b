package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code head N}: passes on the first {@code N} rows. Raw events still in input order ({@link SearchOrder}) are
 * ranked newest first, so the operator keeps the newest {@code N} and emits them when the input ends; other rows
 * pass at once. The first row decides which way the operator works.
 *
 * <p>State: for raw events, at most {@code N} rows. When {@code N} exceeds {@link Limits#rows()}, more rows than
 * that limit raise a {@link RowLimitException}.
 */
public final class HeadOperator implements Operator {
    private final long limit;
    private final StateLimit rowLimit;
    private final Operator next;
    private final PriorityQueue<SearchOrder.Arrival> newest = new PriorityQueue<>(SearchOrder.SPLUNK_ORDER.reversed());
    private Boolean rawEvents;
    private long passed;
    private long position;

    public HeadOperator(long limit, Limits limits, Operator next) {
        this.limit = limit;
        this.rowLimit = StateLimit.rows("head", "of raw events until its input ends, to return the newest",
                limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        if (rawEvents == null) {
            rawEvents = SearchOrder.inInputOrder(row);
        }
        if (!rawEvents) {
            if (passed < limit) {
                passed++;
                next.push(row);
            }
            return;
        }
        newest.add(new SearchOrder.Arrival(row, position++));
        if (newest.size() > limit) {
            newest.poll();
        }
        rowLimit.check(newest.size());
    }

    @Override
    public long held() {
        return newest.size();
    }

    @Override
    public void finish() {
        List<Row> rows = SearchOrder.inSplunkOrder(new ArrayList<>(newest));
        newest.clear();
        for (Row row : rows) {
            next.push(row);
        }
        next.finish();
    }
}
