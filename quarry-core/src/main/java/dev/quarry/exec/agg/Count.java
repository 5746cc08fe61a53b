package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/**
 * {@code count} counts rows; {@code count(f)} counts the values of {@code f}, so a row where {@code f} is absent
 * adds nothing and a multivalue adds one per value.
 */
final class Count implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final boolean rows;
    private long n;

    private Count(boolean rows) {
        this.rows = rows;
    }

    static Count ofRows() {
        return new Count(true);
    }

    static Count ofValues() {
        return new Count(false);
    }

    @Override
    public void add(Value value, double time) {
        if (rows) {
            n++;
        } else if (value != null) {
            n += Value.list(value).size();
        }
    }

    @Override
    public Value result() {
        return Value.num(n);
    }
}
