package dev.quarry.exec.agg;

import java.util.Locale;
import java.util.function.Supplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Creates the state of a statistical function by name: count, dc/distinct_count, values, list, min, max, sum,
 * sumsq, avg/mean, stdev, stdevp, var, varp, range, earliest, latest, earliest_time, latest_time, first, last,
 * median, mode, and the percentiles perc&lt;N&gt;, p&lt;N&gt;, exactperc&lt;N&gt;, upperperc&lt;N&gt;.
 */
public final class AggregatorFactory {
    private static final Pattern PERCENTILE = Pattern.compile("(?:perc|p|exactperc|upperperc)(\\d+(?:\\.\\d+)?)");

    private AggregatorFactory() {
    }

    /** Returns a supplier of fresh state for {@code function}, or null when the function is unknown. */
    public static Supplier<Aggregator> forName(String function, boolean hasArgument) {
        String f = function.toLowerCase(Locale.ROOT);
        switch (f) {
            case "count", "c":
                return hasArgument ? Count::ofValues : Count::ofRows;
            case "dc", "distinct_count":
                return DistinctCount::new;
            case "values":
                return Values::new;
            case "list":
                return ListValues::new;
            case "min":
                return () -> new MinMax(false);
            case "max":
                return () -> new MinMax(true);
            case "sum":
                return () -> new Moments(Moments.Kind.SUM);
            case "sumsq":
                return () -> new Moments(Moments.Kind.SUMSQ);
            case "avg", "mean":
                return () -> new Moments(Moments.Kind.AVG);
            case "stdev":
                return () -> new Moments(Moments.Kind.STDEV);
            case "stdevp":
                return () -> new Moments(Moments.Kind.STDEVP);
            case "var":
                return () -> new Moments(Moments.Kind.VAR);
            case "varp":
                return () -> new Moments(Moments.Kind.VARP);
            case "range":
                return () -> new Moments(Moments.Kind.RANGE);
            case "earliest":
                return () -> new TimeExtreme(false, false);
            case "latest":
                return () -> new TimeExtreme(true, false);
            case "earliest_time":
                return () -> new TimeExtreme(false, true);
            case "latest_time":
                return () -> new TimeExtreme(true, true);
            case "first":
                return () -> new FirstLast(true);
            case "last":
                return () -> new FirstLast(false);
            case "median":
                return () -> new Percentile(50);
            case "mode":
                return Mode::new;
            default:
                Matcher m = PERCENTILE.matcher(f);
                if (m.matches()) {
                    double p = Double.parseDouble(m.group(1));
                    if (p >= 0 && p <= 100) {
                        return () -> new Percentile(p);
                    }
                }
                return null;
        }
    }

    /** True when the function needs a field argument (everything except {@code count}). */
    public static boolean needsArgument(String function) {
        String f = function.toLowerCase(Locale.ROOT);
        return !f.equals("count") && !f.equals("c");
    }
}
