package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/**
 * {@code first(f)} and {@code last(f)}: the value of {@code f} on the first or last row, in Splunk's order
 * ({@link OrderedAggregator}), that has it.
 */
final class FirstLast implements OrderedAggregator {
    private static final long serialVersionUID = 1L;

    private final boolean first;
    private Value value;
    private Double valueTime;
    private long valueSequence;
    private long added;

    FirstLast(boolean first) {
        this.first = first;
    }

    @Override
    public void add(Value v, double time, Double rawEventTime) {
        long sequence = added++;
        if (v == null) {
            return;
        }
        boolean replace = value == null;
        if (!replace) {
            int c = OrderedAggregator.compare(rawEventTime, sequence, valueTime, valueSequence);
            replace = first ? c < 0 : c > 0;
        }
        if (replace) {
            value = v;
            valueTime = rawEventTime;
            valueSequence = sequence;
        }
    }

    @Override
    public Value result() {
        return value;
    }
}
