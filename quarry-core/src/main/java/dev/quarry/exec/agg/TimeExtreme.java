package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/**
 * {@code earliest(f)} and {@code latest(f)}: the value of {@code f} on the chronologically first or last row
 * that has it (ties keep the row seen first); {@code earliest_time(f)} and {@code latest_time(f)} return that
 * row's time instead.
 */
final class TimeExtreme implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final boolean latest;
    private final boolean returnTime;
    private Value value;
    private double time;

    TimeExtreme(boolean latest, boolean returnTime) {
        this.latest = latest;
        this.returnTime = returnTime;
    }

    @Override
    public void add(Value v, double t) {
        if (v == null) {
            return;
        }
        if (value == null || (latest ? t > time : t < time)) {
            value = v;
            time = t;
        }
    }

    @Override
    public Value result() {
        if (value == null) {
            return null;
        }
        return returnTime ? Value.num(time) : value;
    }
}
