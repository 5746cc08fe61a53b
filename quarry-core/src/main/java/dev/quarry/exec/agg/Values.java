package dev.quarry.exec.agg;

import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/** {@code values(f)}: the distinct values of {@code f}, sorted lexicographically as strings (code point order). */
final class Values implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final TreeSet<String> values = new TreeSet<>(dev.quarry.exec.Values::compareText);

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            values.add(v.text());
        }
    }

    @Override
    public Value result() {
        List<String> out = new ArrayList<>(values);
        return Value.ofStrings(out);
    }
}
