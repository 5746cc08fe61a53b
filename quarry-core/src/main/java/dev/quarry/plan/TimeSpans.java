package dev.quarry.plan;

import dev.quarry.spl.ast.SourceSpan;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Time spans such as {@code 1h}, {@code 5m}, {@code 30s} or {@code 1d} as used by {@code span=}. Spans below a
 * day align to the epoch; {@code d} is taken as 86,400 seconds, which aligns days to midnight UTC. Month spans
 * are not fixed lengths and are rejected.
 */
public final class TimeSpans {
    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?)?\\s*([a-z]+)?");

    private TimeSpans() {
    }

    public static double seconds(String text, SourceSpan span) {
        Matcher m = SPAN.matcher(text.trim().toLowerCase(Locale.ROOT));
        if (!m.matches() || (m.group(1) == null && m.group(2) == null)) {
            throw PlanException.invalid("invalid span [" + text + "]: expected a number and a unit, as in 1h", span);
        }
        double amount = m.group(1) == null ? 1 : Double.parseDouble(m.group(1));
        String unit = m.group(2) == null ? "s" : m.group(2);
        double factor = switch (unit) {
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "m", "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86_400;
            case "w", "week", "weeks" -> 7 * 86_400;
            default -> throw PlanException.unsupported("span unit [" + unit + "] in span=" + text, span);
        };
        if (amount <= 0) {
            throw PlanException.invalid("span must be positive: " + text, span);
        }
        return amount * factor;
    }
}
