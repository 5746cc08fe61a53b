package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code bin} (alias {@code bucket}): puts each numeric value of a field into a bin of a fixed span and writes the
 * bin to the target field. Time bins ({@code _time}, or a span with a time unit) write the bin's start in epoch
 * seconds, aligned to the epoch in UTC or to {@code aligntime}; spans of a day or more align to midnight UTC and
 * month spans to the first of the month. Other numeric bins write the range as text, {@code 10-20}. A value that
 * is not a number is left as it is, and each value of a multivalue field is binned on its own.
 *
 * <p>Without a span the operator chooses one from the data, so it keeps all rows until the input ends, at most
 * {@link Limits#rows()}: the smallest span for which the values' range fits in at most {@code bins} bins, taken
 * from {@link #TIME_SPANS} for time bins and from the powers of ten for other bins. With a span it keeps nothing.
 */
public final class BinOperator implements Operator {
    /** The spans, in seconds, that time bins choose from when no span is given: 1s up to 7d, then months. */
    static final double[] TIME_SPANS = {1, 5, 10, 30, 60, 300, 600, 1800, 3600, 10_800, 43_200, 86_400, 604_800};

    private static final double DAY = 86_400;

    /** The binning settings. When the span is fixed, exactly one of {@code seconds} and {@code months} is set. */
    public record Binning(boolean time, double seconds, int months, Double align, int bins, Double start, Double end,
            double minSpan) {
        /** True when the span is chosen from the data. */
        boolean automatic() {
            return seconds == 0 && months == 0;
        }
    }

    private final String field;
    private final String target;
    private final Binning binning;
    private final Operator next;
    private final HeldRows pending;

    /** Creates the operator; {@code command} is the name the search used, {@code bin} or {@code bucket}. */
    public BinOperator(String command, String field, String target, Binning binning, Limits limits, Operator next) {
        this.field = field;
        this.target = target;
        this.binning = binning;
        this.pending = new HeldRows(command, "until its input ends when no span is given", limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        if (binning.automatic()) {
            pending.add(row);
        } else {
            bin(row, binning.seconds(), binning.months());
            next.push(row);
        }
    }

    @Override
    public long held() {
        return pending.size();
    }

    @Override
    public void finish() {
        if (!pending.isEmpty()) {
            double[] range = range();
            double seconds = 0;
            int months = 0;
            if (range != null && binning.time()) {
                seconds = timeSpan(range[0], range[1]);
                months = seconds == 0 ? monthSpan(range[0], range[1]) : 0;
            } else if (range != null) {
                seconds = numericSpan(range[0], range[1]);
            }
            for (Row row : pending.rows()) {
                if (range != null) {
                    bin(row, seconds, months);
                }
                next.push(row);
            }
            pending.clear();
        }
        next.finish();
    }

    private void bin(Row row, double span, int months) {
        Value v = row.get(field);
        if (v == null) {
            return;
        }
        List<Value> out = new ArrayList<>();
        for (Value one : Value.list(v)) {
            Double x = Values.toNumber(one);
            if (x == null || Double.isNaN(x) || Double.isInfinite(x)) {
                out.add(one);
            } else if (!binning.time()) {
                out.add(Value.str(numericLabel(x, span)));
            } else if (months > 0) {
                out.add(Value.num(monthStart(x, months)));
            } else {
                out.add(Value.num(timeStart(x, span)));
            }
        }
        row.put(target, Value.ofValues(out));
    }

    private double timeStart(double t, double span) {
        double align = binning.align() == null || span >= DAY ? 0 : binning.align();
        return align + floorMultiple(t - align, span) * span;
    }

    private static double monthStart(double t, int months) {
        long start = Math.floorDiv(monthIndex(t), months) * months;
        LocalDateTime first = LocalDateTime.of((int) (1970 + Math.floorDiv(start, 12)),
                (int) Math.floorMod(start, 12) + 1, 1, 0, 0);
        return first.toEpochSecond(ZoneOffset.UTC);
    }

    /** Returns the number of whole months from January 1970 to the month of {@code t}, in UTC. */
    private static long monthIndex(double t) {
        LocalDateTime time = LocalDateTime.ofInstant(Instant.ofEpochSecond((long) Math.floor(t)), ZoneOffset.UTC);
        return (time.getYear() - 1970L) * 12 + time.getMonthValue() - 1;
    }

    /** Returns the label {@code lo-hi} of the bin of {@code x}, written without binary rounding noise. */
    private static String numericLabel(double x, double span) {
        BigDecimal step = BigDecimal.valueOf(span);
        BigDecimal low = BigDecimal.valueOf(floorMultiple(x, span)).multiply(step);
        return plain(low) + "-" + plain(low.add(step));
    }

    private static String plain(BigDecimal d) {
        return Value.formatNumber(d.doubleValue());
    }

    /**
     * Returns floor(x / span), computed on the decimal values as written, so that 0.3 / 0.1 is 3 and not the
     * 2.9999999999999996 of binary floating point.
     */
    private static double floorMultiple(double x, double span) {
        return BigDecimal.valueOf(x).divide(BigDecimal.valueOf(span), 0, RoundingMode.FLOOR).doubleValue();
    }

    /** Returns the smallest and largest numeric value of the field, widened by start and end, or null. */
    private double[] range() {
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        for (Row row : pending.rows()) {
            for (Value one : Value.list(row.get(field))) {
                Double x = Values.toNumber(one);
                if (x != null && !Double.isNaN(x) && !Double.isInfinite(x)) {
                    min = Math.min(min, x);
                    max = Math.max(max, x);
                }
            }
        }
        if (min > max) {
            return null;
        }
        if (binning.start() != null) {
            min = Math.min(min, binning.start());
        }
        if (binning.end() != null) {
            max = Math.max(max, binning.end());
        }
        return new double[] {min, max};
    }

    /** Returns the smallest power of ten that fits the range in the allowed bins; 1 when all values are equal. */
    private double numericSpan(double min, double max) {
        if (max == min) {
            return 1;
        }
        double span = Math.pow(10, Math.floor(Math.log10((max - min) / binning.bins())));
        while (count(min, max, span) > binning.bins()) {
            span *= 10;
        }
        return span;
    }

    /** Returns the chosen time span in seconds, or 0 when even a week makes too many bins. */
    private double timeSpan(double min, double max) {
        for (double span : TIME_SPANS) {
            if (span >= binning.minSpan() && count(min, max, span) <= binning.bins()) {
                return span;
            }
        }
        return 0;
    }

    /** Returns the smallest of 1, 3, 12, 24, 48, ... months that fits the range in the allowed bins. */
    private int monthSpan(double min, double max) {
        int months = 1;
        while (Math.floorDiv(monthIndex(max), months) - Math.floorDiv(monthIndex(min), months) + 1 > binning.bins()) {
            if (months == 1) {
                months = 3;
            } else if (months == 3) {
                months = 12;
            } else {
                months *= 2;
            }
        }
        return months;
    }

    private double count(double min, double max, double span) {
        if (!binning.time()) {
            return floorMultiple(max, span) - floorMultiple(min, span) + 1;
        }
        return (timeStart(max, span) - timeStart(min, span)) / span + 1;
    }
}
