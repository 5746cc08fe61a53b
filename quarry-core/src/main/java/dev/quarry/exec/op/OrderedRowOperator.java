package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of operators that take rows one at a time but whose result depends on row order ({@code dedup},
 * {@code streamstats}). Rows pass straight to {@link #accept}, except raw events still in input order
 * ({@link SearchOrder}), which are kept until the input ends and then passed newest first, as Splunk would
 * pass them. The first row decides which way the operator works.
 */
abstract class OrderedRowOperator implements Operator {
    private final List<SearchOrder.Arrival> held = new ArrayList<>();
    private Boolean rawEvents;
    private long position;

    @Override
    public final void push(Row row) {
        if (rawEvents == null) {
            rawEvents = SearchOrder.inInputOrder(row);
        }
        if (rawEvents) {
            held.add(new SearchOrder.Arrival(row, position++));
        } else {
            accept(row);
        }
    }

    @Override
    public final void finish() {
        if (!held.isEmpty()) {
            List<Row> rows = SearchOrder.inSplunkOrder(held);
            held.clear();
            for (Row row : rows) {
                accept(row);
            }
        }
        end();
    }

    /** Takes the next row in Splunk's order. */
    abstract void accept(Row row);

    /** Ends the input, after the last {@link #accept}; must finish the next operator. */
    abstract void end();
}
