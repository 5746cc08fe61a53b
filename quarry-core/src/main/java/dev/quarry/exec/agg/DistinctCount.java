package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.util.HashSet;
import java.util.Set;

/** {@code dc(f)}: the number of distinct values of {@code f}, compared as text. */
final class DistinctCount implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final HashSet<String> seen = new HashSet<>();

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            seen.add(v.text());
        }
    }

    @Override
    public Value result() {
        return Value.num(seen.size());
    }

    Set<String> seen() {
        return seen;
    }
}
