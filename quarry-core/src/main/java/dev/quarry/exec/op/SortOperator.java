package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code sort}: emits the rows ordered by the sort keys when the input ends, at most {@code limit} of them
 * (0 for all). Rows equal on every key keep Splunk's order ({@link SearchOrder}), so raw events that tie stay
 * newest first.
 *
 * <p>State: with a limit, only the best {@code limit} rows, so memory does not grow with the input. With 0, every
 * row. Either way, more than {@link Limits#rows()} kept rows raise a {@link RowLimitException}.
 */
public final class SortOperator implements Operator {
    private final Comparator<SearchOrder.Arrival> order;
    private final int limit;
    private final Operator next;
    private final HeldRows all;
    private final StateLimit rowLimit;
    private final PriorityQueue<SearchOrder.Arrival> best;
    private long position;

    public SortOperator(List<SortKey> keys, int limit, Limits limits, Operator next) {
        Comparator<Row> byKeys = SortKey.comparator(keys);
        this.order = Comparator.<SearchOrder.Arrival, Row>comparing(SearchOrder.Arrival::row, byKeys)
                .thenComparing(SearchOrder.SPLUNK_ORDER);
        this.limit = limit;
        this.next = next;
        this.rowLimit = StateLimit.rows("sort", "until its input ends", limits.rows());
        this.all = new HeldRows(rowLimit);
        this.best = limit > 0 ? new PriorityQueue<>(order.reversed()) : null;
    }

    @Override
    public void push(Row row) {
        if (best == null) {
            all.add(row);
            return;
        }
        best.add(new SearchOrder.Arrival(row, position++));
        if (best.size() > limit) {
            best.poll();
        }
        rowLimit.check(best.size());
    }

    @Override
    public long held() {
        return best == null ? all.size() : best.size();
    }

    @Override
    public void finish() {
        List<SearchOrder.Arrival> rows;
        if (best == null) {
            rows = new ArrayList<>(all.size());
            for (Row row : all.rows()) {
                rows.add(new SearchOrder.Arrival(row, rows.size()));
            }
            all.clear();
        } else {
            rows = new ArrayList<>(best);
            best.clear();
        }
        rows.sort(order);
        for (SearchOrder.Arrival a : rows) {
            a.row().setRawEventTime(null);
            next.push(a.row());
        }
        next.finish();
    }
}
