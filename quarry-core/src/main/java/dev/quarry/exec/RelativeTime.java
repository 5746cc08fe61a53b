package dev.quarry.exec;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.time.temporal.TemporalAdjusters;
import java.util.Locale;

/**
 * Relative time modifiers such as {@code -70m@m}, {@code -1d@d}, {@code @w0}, {@code +1h} or {@code now},
 * applied to an epoch time in UTC. Offsets and snaps apply left to right; a snap ({@code @unit}) rounds down to
 * the start of that unit, and {@code @w0}..{@code @w7} snap back to a weekday (0 and 7 are Sunday).
 */
public final class RelativeTime {
    private RelativeTime() {
    }

    /** Returns the adjusted epoch seconds, or null when the modifier is not valid. */
    public static Double apply(double epochSeconds, String spec) {
        String s = spec.trim().toLowerCase(Locale.ROOT);
        if (s.equals("now") || s.isEmpty()) {
            return epochSeconds;
        }
        if (Values.parseNumber(s) != null && !s.startsWith("+") && !s.startsWith("-")) {
            return Double.parseDouble(s);
        }
        long whole = (long) Math.floor(epochSeconds);
        double fraction = epochSeconds - whole;
        LocalDateTime t = LocalDateTime.ofInstant(Instant.ofEpochSecond(whole), ZoneOffset.UTC);
        int i = 0;
        boolean snapped = false;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '+' || c == '-') {
                int sign = c == '-' ? -1 : 1;
                i++;
                int start = i;
                while (i < s.length() && Character.isDigit(s.charAt(i))) {
                    i++;
                }
                long amount = start == i ? 1 : Long.parseLong(s.substring(start, i));
                int unitStart = i;
                while (i < s.length() && Character.isLetter(s.charAt(i))) {
                    i++;
                }
                String unit = s.substring(unitStart, i);
                LocalDateTime next = offset(t, sign * amount, unit);
                if (next == null) {
                    return null;
                }
                t = next;
            } else if (c == '@') {
                i++;
                int unitStart = i;
                while (i < s.length() && Character.isLetterOrDigit(s.charAt(i))) {
                    i++;
                }
                LocalDateTime next = snap(t, s.substring(unitStart, i));
                if (next == null) {
                    return null;
                }
                t = next;
                snapped = true;
            } else {
                return null;
            }
        }
        double result = t.toEpochSecond(ZoneOffset.UTC);
        return snapped ? result : result + fraction;
    }

    private static LocalDateTime offset(LocalDateTime t, long amount, String unit) {
        return switch (unit) {
            case "s", "sec", "secs", "second", "seconds" -> t.plusSeconds(amount);
            case "m", "min", "mins", "minute", "minutes" -> t.plusMinutes(amount);
            case "h", "hr", "hrs", "hour", "hours" -> t.plusHours(amount);
            case "d", "day", "days" -> t.plusDays(amount);
            case "w", "week", "weeks" -> t.plusWeeks(amount);
            case "mon", "month", "months" -> t.plusMonths(amount);
            case "q", "qtr", "qtrs", "quarter", "quarters" -> t.plusMonths(3 * amount);
            case "y", "yr", "yrs", "year", "years" -> t.plusYears(amount);
            default -> null;
        };
    }

    private static LocalDateTime snap(LocalDateTime t, String unit) {
        if (unit.length() == 2 && unit.charAt(0) == 'w' && Character.isDigit(unit.charAt(1))) {
            int n = (unit.charAt(1) - '0') % 7;
            DayOfWeek target = n == 0 ? DayOfWeek.SUNDAY : DayOfWeek.of(n);
            return t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(target));
        }
        return switch (unit) {
            case "s", "sec", "secs", "second", "seconds" -> t.truncatedTo(ChronoUnit.SECONDS);
            case "m", "min", "mins", "minute", "minutes" -> t.truncatedTo(ChronoUnit.MINUTES);
            case "h", "hr", "hrs", "hour", "hours" -> t.truncatedTo(ChronoUnit.HOURS);
            case "d", "day", "days" -> t.truncatedTo(ChronoUnit.DAYS);
            case "w", "week", "weeks" -> t.truncatedTo(ChronoUnit.DAYS).with(TemporalAdjusters.previousOrSame(DayOfWeek.SUNDAY));
            case "mon", "month", "months" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1);
            case "q", "qtr", "qtrs", "quarter", "quarters" ->
                t.truncatedTo(ChronoUnit.DAYS).withDayOfMonth(1).withMonth(((t.getMonthValue() - 1) / 3) * 3 + 1);
            case "y", "yr", "yrs", "year", "years" -> t.truncatedTo(ChronoUnit.DAYS).withDayOfYear(1);
            default -> null;
        };
    }
}
