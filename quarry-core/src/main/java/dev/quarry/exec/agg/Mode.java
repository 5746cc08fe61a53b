package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code mode(f)}: the most frequent value; among equally frequent values, the one seen first. */
final class Mode implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final LinkedHashMap<String, Long> counts = new LinkedHashMap<>();

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            counts.merge(v.text(), 1L, Long::sum);
        }
    }

    @Override
    public Value result() {
        String best = null;
        long bestCount = 0;
        for (Map.Entry<String, Long> e : counts.entrySet()) {
            if (e.getValue() > bestCount) {
                best = e.getKey();
                bestCount = e.getValue();
            }
        }
        return Value.str(best);
    }
}
