package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.TimeFormat;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.util.List;
import java.util.Locale;

/**
 * {@code convert}. {@code ctime(f)} formats epoch seconds with {@code timeformat} (default
 * {@code %m/%d/%Y %H:%M:%S}) in UTC; {@code mktime(f)} parses such text back; {@code num}, {@code auto},
 * {@code rmcomma}, {@code rmunit}, {@code dur2sec}, {@code mstime}, {@code memk} and {@code none} as Splunk
 * documents them. An absent field, or a value the function cannot convert, is left as it is.
 */
public final class ConvertOperator implements Operator {
    public static final String DEFAULT_TIME_FORMAT = "%m/%d/%Y %H:%M:%S";

    /** One conversion; {@code target} is the field to write, the source itself when no alias is given. */
    public record Conversion(String function, String field, String target) {
    }

    private final String timeFormat;
    private final List<Conversion> conversions;
    private final Operator next;

    public ConvertOperator(String timeFormat, List<Conversion> conversions, Operator next) {
        this.timeFormat = timeFormat == null ? DEFAULT_TIME_FORMAT : timeFormat;
        this.conversions = List.copyOf(conversions);
        this.next = next;
    }

    /** True for the conversion functions this operator implements. */
    public static boolean supports(String function) {
        return switch (function.toLowerCase(Locale.ROOT)) {
            case "ctime", "mktime", "num", "auto", "rmcomma", "rmunit", "dur2sec", "mstime", "memk", "none" -> true;
            default -> false;
        };
    }

    @Override
    public void push(Row row) {
        for (Conversion c : conversions) {
            Value v = row.get(c.field());
            if (v == null) {
                continue;
            }
            Value converted = convert(c.function(), v);
            if (converted != null) {
                row.put(c.target(), converted);
            }
        }
        next.push(row);
    }

    private Value convert(String function, Value v) {
        String text = Values.toText(v);
        switch (function) {
            case "ctime": {
                Double d = Values.toNumber(v);
                return d == null ? null : Value.str(TimeFormat.format(d, timeFormat));
            }
            case "mktime": {
                Double d = TimeFormat.parse(text, timeFormat);
                return d == null ? null : Value.num(d);
            }
            case "num": {
                Double d = Values.toNumber(Value.str(text.replace(",", "")));
                return d == null ? null : Value.num(d);
            }
            case "auto": {
                Double d = Values.toNumber(v);
                return d == null ? v : Value.num(d);
            }
            case "rmcomma":
                return Value.str(text.replace(",", ""));
            case "rmunit": {
                int i = 0;
                while (i < text.length() && (Character.isDigit(text.charAt(i)) || text.charAt(i) == '.'
                        || (i == 0 && text.charAt(i) == '-'))) {
                    i++;
                }
                Double d = Values.parseNumber(text.substring(0, i));
                return d == null ? null : Value.num(d);
            }
            case "dur2sec":
                return durationSeconds(text);
            case "mstime":
                return minutesSeconds(text);
            case "memk":
                return kilobytes(text);
            case "none":
                return v;
            default:
                return null;
        }
    }

    /** {@code [D+]HH:MM:SS} to seconds. */
    private static Value durationSeconds(String text) {
        String t = text.trim();
        long days = 0;
        int plus = t.indexOf('+');
        if (plus > 0) {
            Double d = Values.parseNumber(t.substring(0, plus));
            if (d == null) {
                return null;
            }
            days = d.longValue();
            t = t.substring(plus + 1);
        }
        String[] parts = t.split(":");
        double seconds = 0;
        for (String p : parts) {
            Double d = Values.parseNumber(p);
            if (d == null) {
                return null;
            }
            seconds = seconds * 60 + d;
        }
        return Value.num(days * 86_400 + seconds);
    }

    /** {@code [MM:]SS.SSS} to seconds. */
    private static Value minutesSeconds(String text) {
        String[] parts = text.trim().split(":");
        double seconds = 0;
        for (String p : parts) {
            Double d = Values.parseNumber(p);
            if (d == null) {
                return null;
            }
            seconds = seconds * 60 + d;
        }
        return Value.num(seconds);
    }

    /** A size with an optional k, m or g suffix to kilobytes. */
    private static Value kilobytes(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        double factor = 1;
        if (t.endsWith("k")) {
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("m")) {
            factor = 1024;
            t = t.substring(0, t.length() - 1);
        } else if (t.endsWith("g")) {
            factor = 1024 * 1024;
            t = t.substring(0, t.length() - 1);
        }
        Double d = Values.parseNumber(t);
        return d == null ? null : Value.num(d * factor);
    }

    @Override
    public void finish() {
        next.finish();
    }
}
