package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code tail N}: emits the last {@code N} rows in reverse order, the last row first, when the input ends. Raw
 * events still in input order count from Splunk's order ({@link SearchOrder}), newest first, so their last rows
 * are the oldest events.
 *
 * <p>State: at most {@code N} rows. When {@code N} exceeds {@link Limits#rows()}, more rows than that limit raise
 * a {@link RowLimitException}.
 */
public final class TailOperator implements Operator {
    private final long limit;
    private final StateLimit rowLimit;
    private final Operator next;
    private final PriorityQueue<SearchOrder.Arrival> last = new PriorityQueue<>(SearchOrder.SPLUNK_ORDER);
    private long position;

    public TailOperator(long limit, Limits limits, Operator next) {
        this.limit = limit;
        this.rowLimit = StateLimit.rows("tail", "until its input ends", limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        last.add(new SearchOrder.Arrival(row, position++));
        if (last.size() > limit) {
            last.poll();
        }
        rowLimit.check(last.size());
    }

    @Override
    public long held() {
        return last.size();
    }

    @Override
    public void finish() {
        List<Row> rows = SearchOrder.inSplunkOrder(new ArrayList<>(last));
        last.clear();
        Collections.reverse(rows);
        for (Row row : rows) {
            next.push(row);
        }
        next.finish();
    }
}
