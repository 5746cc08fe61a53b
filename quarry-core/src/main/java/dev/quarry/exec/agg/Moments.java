package dev.quarry.exec.agg;

import dev.quarry.exec.Value;

/**
 * Numeric statistics over the values that read as numbers (others are ignored): sum, sum of squares, mean,
 * sample and population standard deviation and variance, and range. Uses Welford's update for the variance.
 */
final class Moments implements Aggregator {
    private static final long serialVersionUID = 1L;

    enum Kind { SUM, SUMSQ, AVG, STDEV, STDEVP, VAR, VARP, RANGE }

    private final Kind kind;
    private long n;
    private double sum;
    private double sumSquares;
    private double mean;
    private double m2;
    private double min = Double.POSITIVE_INFINITY;
    private double max = Double.NEGATIVE_INFINITY;

    Moments(Kind kind) {
        this.kind = kind;
    }

    @Override
    public void add(Value value, double time) {
        for (Value v : Value.list(value)) {
            Double d = dev.quarry.exec.Values.toNumber(v);
            if (d == null) {
                continue;
            }
            n++;
            sum += d;
            sumSquares += d * d;
            double delta = d - mean;
            mean += delta / n;
            m2 += delta * (d - mean);
            min = Math.min(min, d);
            max = Math.max(max, d);
        }
    }

    @Override
    public Value result() {
        if (n == 0) {
            return null;
        }
        return switch (kind) {
            case SUM -> Value.num(sum);
            case SUMSQ -> Value.num(sumSquares);
            case AVG -> Value.num(mean);
            case STDEV -> n < 2 ? null : Value.num(Math.sqrt(m2 / (n - 1)));
            case STDEVP -> Value.num(Math.sqrt(m2 / n));
            case VAR -> n < 2 ? null : Value.num(m2 / (n - 1));
            case VARP -> Value.num(m2 / n);
            case RANGE -> Value.num(max - min);
        };
    }
}
