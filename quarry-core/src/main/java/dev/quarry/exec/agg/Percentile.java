package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.Collections;

/**
 * {@code median(f)} and {@code percN(f)}: the exact percentile of the numeric values, using the nearest-rank
 * method with linear interpolation between the two closest ranks. Memory grows with the number of values in the
 * group.
 */
final class Percentile implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final double p;
    private final ArrayList<Double> values = new ArrayList<>();

    Percentile(double p) {
        this.p = p;
    }

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            Double d = dev.quarry.exec.Values.toNumber(v);
            if (d != null) {
                values.add(d);
            }
        }
    }

    @Override
    public Value result() {
        if (values.isEmpty()) {
            return null;
        }
        ArrayList<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        double rank = p / 100.0 * (sorted.size() - 1);
        int low = (int) Math.floor(rank);
        int high = (int) Math.ceil(rank);
        double fraction = rank - low;
        return Value.num(sorted.get(low) + (sorted.get(high) - sorted.get(low)) * fraction);
    }
}
