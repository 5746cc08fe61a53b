package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.io.Serializable;

/**
 * The running state of one statistical function for one group. {@link #add} is called once per input row with
 * the function's argument (null when absent, so {@code count} without a field sees null and counts the row) and
 * the row's time in epoch seconds; {@link #result} returns the output value, or null for none.
 */
public interface Aggregator extends Serializable {
    void add(Value value, double time);

    Value result();
}
