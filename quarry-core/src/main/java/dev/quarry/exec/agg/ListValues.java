package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * {@code list(f)}: the values of {@code f} in Splunk's row order ({@link OrderedAggregator}), at most
 * {@link #MAX_VALUES} as in Splunk. Only the first {@code MAX_VALUES} values in that order are kept.
 */
final class ListValues implements OrderedAggregator {
    private static final long serialVersionUID = 1L;

    /** Splunk's default {@code list_maxsize} in limits.conf. */
    static final int MAX_VALUES = 100;

    /** One value with its row's place in the order. */
    private record Entry(Value value, Double rawEventTime, long sequence) implements Serializable {
    }

    /** Splunk's order of entries; a class rather than a lambda so that the kept entries stay serializable. */
    private static final class Order implements Comparator<Entry>, Serializable {
        private static final long serialVersionUID = 1L;

        @Override
        public int compare(Entry a, Entry b) {
            return OrderedAggregator.compare(a.rawEventTime(), a.sequence(), b.rawEventTime(), b.sequence());
        }
    }

    private static final Comparator<Entry> ORDER = new Order();

    /** The kept values, the last in order on top so that it is the one dropped when a better value comes. */
    private final PriorityQueue<Entry> kept = new PriorityQueue<>(ORDER.reversed());
    private long added;

    @Override
    public void add(Value value, double time, Double rawEventTime) {
        for (Value v : Value.list(value)) {
            kept.add(new Entry(v, rawEventTime, added++));
            if (kept.size() > MAX_VALUES) {
                kept.poll();
            }
        }
    }

    @Override
    public Value result() {
        List<Entry> sorted = new ArrayList<>(kept);
        sorted.sort(ORDER);
        List<Value> values = new ArrayList<>(sorted.size());
        for (Entry e : sorted) {
            values.add(e.value());
        }
        return Value.ofValues(values);
    }
}
