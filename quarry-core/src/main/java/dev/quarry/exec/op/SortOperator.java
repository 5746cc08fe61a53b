package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code sort}: emits the rows ordered by the sort keys when the input ends, at most {@code limit} of them
 * (0 for all). Rows equal on every key keep Splunk's order ({@link SearchOrder}), so raw events that tie stay
 * newest first. With a limit it keeps only the best {@code limit} rows, so memory does not grow with the input.
 */
public final class SortOperator implements Operator {
    private final Comparator<SearchOrder.Arrival> order;
    private final int limit;
    private final Operator next;
    private final List<SearchOrder.Arrival> all = new ArrayList<>();
    private final PriorityQueue<SearchOrder.Arrival> best;
    private long position;

    public SortOperator(List<SortKey> keys, int limit, Operator next) {
        Comparator<Row> byKeys = SortKey.comparator(keys);
        this.order = Comparator.<SearchOrder.Arrival, Row>comparing(SearchOrder.Arrival::row, byKeys)
                .thenComparing(SearchOrder.SPLUNK_ORDER);
        this.limit = limit;
        this.next = next;
        this.best = limit > 0 ? new PriorityQueue<>(order.reversed()) : null;
    }

    @Override
    public void push(Row row) {
        SearchOrder.Arrival a = new SearchOrder.Arrival(row, position++);
        if (best == null) {
            all.add(a);
            return;
        }
        best.add(a);
        if (best.size() > limit) {
            best.poll();
        }
    }

    @Override
    public void finish() {
        List<SearchOrder.Arrival> rows = best == null ? all : new ArrayList<>(best);
        rows.sort(order);
        for (SearchOrder.Arrival a : rows) {
            a.row().setRawEventTime(null);
            next.push(a.row());
        }
        next.finish();
    }
}
