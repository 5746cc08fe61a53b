package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.List;

/**
 * The base of operators that take rows one at a time but whose result depends on row order ({@code dedup},
 * {@code streamstats}). Rows pass straight to {@link #accept}, except raw events still in input order
 * ({@link SearchOrder}), which are kept until the input ends, at most {@link Limits#rows()}, and then passed
 * newest first, as Splunk would pass them. The first row decides which way the operator works.
 */
abstract class OrderedRowOperator implements Operator {
    private final HeldRows pending;
    private Boolean rawEvents;

    /** {@code command} names the command in the message past the limit. */
    OrderedRowOperator(String command, Limits limits) {
        this.pending = new HeldRows(command, "of raw events until its input ends, to take them newest first",
                limits.rows());
    }

    @Override
    public final void push(Row row) {
        if (rawEvents == null) {
            rawEvents = SearchOrder.inInputOrder(row);
        }
        if (rawEvents) {
            pending.add(row);
        } else {
            accept(row);
        }
    }

    /** Returns the raw events kept to be put in order; subclasses add what they keep themselves. */
    @Override
    public long held() {
        return pending.size();
    }

    @Override
    public final void finish() {
        if (!pending.isEmpty()) {
            List<SearchOrder.Arrival> arrivals = new ArrayList<>(pending.size());
            for (Row row : pending.rows()) {
                arrivals.add(new SearchOrder.Arrival(row, arrivals.size()));
            }
            pending.clear();
            for (Row row : SearchOrder.inSplunkOrder(arrivals)) {
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
