package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/** {@code first(f)} and {@code last(f)}: the value of {@code f} on the first or last row seen that has it. */
final class FirstLast implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final boolean first;
    private Value value;

    FirstLast(boolean first) {
        this.first = first;
    }

    @Override
    public void add(Value v, double time) {
        if (v != null && (!first || value == null)) {
            value = v;
        }
    }

    @Override
    public Value result() {
        return value;
    }
}
