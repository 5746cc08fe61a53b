package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/**
 * A statistical function whose result depends on row order ({@code first}, {@code last}, {@code list}).
 * Splunk returns raw events newest first while Quarry reads them in input order. So such a function also takes
 * the time of the raw event a row was made from and orders those rows newest first, rows of the same time in
 * the order they were added. Rows without a raw event time count after them, in the order they were added.
 */
public interface OrderedAggregator extends Aggregator {
    /** Adds a value with the raw event time of its row, null for rows that are not raw events in input order. */
    void add(Value value, double time, Double rawEventTime);

    @Override
    default void add(Value value, double time) {
        add(value, time, null);
    }

    /**
     * Compares two rows' places in Splunk's order from their raw event times (null for none) and the order in
     * which they were added.
     */
    static int compare(Double rawEventTimeA, long sequenceA, Double rawEventTimeB, long sequenceB) {
        if (rawEventTimeA != null && rawEventTimeB != null) {
            int byTime = Double.compare(rawEventTimeB, rawEventTimeA);
            if (byTime != 0) {
                return byTime;
            }
        } else if (rawEventTimeA != null || rawEventTimeB != null) {
            return rawEventTimeA != null ? -1 : 1;
        }
        return Long.compare(sequenceA, sequenceB);
    }
}
