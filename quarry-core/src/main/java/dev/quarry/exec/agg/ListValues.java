package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;

/** {@code list(f)}: the values of {@code f} in input order, at most {@link #MAX_VALUES} as in Splunk. */
final class ListValues implements Aggregator {
    private static final long serialVersionUID = 1L;

    /** Splunk's default {@code list_maxsize} in limits.conf. */
    static final int MAX_VALUES = 100;

    private final ArrayList<Value> values = new ArrayList<>();

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            if (values.size() < MAX_VALUES) {
                values.add(v);
            }
        }
    }

    @Override
    public Value result() {
        return Value.ofValues(new ArrayList<>(values));
    }

    List<Value> values() {
        return values;
    }
}
