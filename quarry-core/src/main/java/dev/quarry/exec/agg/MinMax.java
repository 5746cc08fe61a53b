package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/**
 * {@code min(f)} and {@code max(f)}: numeric when every value reads as a number, otherwise the lexicographic
 * extreme of all values as strings.
 */
final class MinMax implements Aggregator {
    private static final long serialVersionUID = 1L;

    private final boolean max;
    private boolean allNumeric = true;
    private boolean any;
    private double number;
    private String text;
    private Value firstNumeric;

    MinMax(boolean max) {
        this.max = max;
    }

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            Double d = dev.quarry.exec.Values.toNumber(v);
            String s = v.text();
            if (!any) {
                any = true;
                text = s;
                if (d != null) {
                    number = d;
                    firstNumeric = v;
                }
                allNumeric = d != null;
                continue;
            }
            int c = dev.quarry.exec.Values.compareText(s, text);
            if (max ? c > 0 : c < 0) {
                text = s;
            }
            if (d == null) {
                allNumeric = false;
            } else if (firstNumeric == null || (max ? d > number : d < number)) {
                number = d;
                firstNumeric = v;
            }
        }
    }

    @Override
    public Value result() {
        if (!any) {
            return null;
        }
        return allNumeric ? Value.num(number) : Value.str(text);
    }
}
