package dev.quarry.exec;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * Splunk's strftime-style time formats ({@code %Y-%m-%dT%H:%M:%S} and friends), always in UTC: Quarry has no
 * search-head time zone, so every rendered time is UTC, and parsed times without a zone are read as UTC.
 * Supported: {@code %Y %y %m %d %e %H %I %k %l %M %S %p %j %a %A %b %B %h %Z %z %s %T %F %D %R %c %x %X %%}
 * and sub-seconds {@code %N} (nanoseconds to 9 digits), {@code %3N}, {@code %6N}, {@code %9N}, {@code %Q}
 * (milliseconds), {@code %f} (microseconds).
 */
public final class TimeFormat {
    private TimeFormat() {
    }

    public static String format(double epochSeconds, String format) {
        long seconds = (long) Math.floor(epochSeconds);
        long nanos = Math.round((epochSeconds - seconds) * 1e9);
        if (nanos >= 1_000_000_000L) {
            seconds++;
            nanos -= 1_000_000_000L;
        }
        ZonedDateTime t = Instant.ofEpochSecond(seconds, nanos).atZone(ZoneOffset.UTC);
        StringBuilder sb = new StringBuilder(format.length() + 16);
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                sb.append(c);
                continue;
            }
            char d = format.charAt(++i);
            int width = 0;
            while (Character.isDigit(d) && i + 1 < format.length()) {
                width = width * 10 + (d - '0');
                d = format.charAt(++i);
            }
            switch (d) {
                case 'Y' -> sb.append(t.getYear());
                case 'y' -> pad(sb, t.getYear() % 100, 2);
                case 'm' -> pad(sb, t.getMonthValue(), 2);
                case 'd' -> pad(sb, t.getDayOfMonth(), 2);
                case 'e' -> padSpace(sb, t.getDayOfMonth(), 2);
                case 'H' -> pad(sb, t.getHour(), 2);
                case 'k' -> padSpace(sb, t.getHour(), 2);
                case 'I' -> pad(sb, twelveHour(t.getHour()), 2);
                case 'l' -> padSpace(sb, twelveHour(t.getHour()), 2);
                case 'M' -> pad(sb, t.getMinute(), 2);
                case 'S' -> pad(sb, t.getSecond(), 2);
                case 'p' -> sb.append(t.getHour() < 12 ? "AM" : "PM");
                case 'j' -> pad(sb, t.getDayOfYear(), 3);
                case 'a' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'A' -> sb.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'b', 'h' -> sb.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ENGLISH));
                case 'B' -> sb.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ENGLISH));
                case 'Z' -> sb.append("UTC");
                case 'z' -> sb.append("+0000");
                case 's' -> sb.append(seconds);
                case 'T' -> sb.append(format(epochSeconds, "%H:%M:%S"));
                case 'F' -> sb.append(format(epochSeconds, "%Y-%m-%d"));
                case 'D' -> sb.append(format(epochSeconds, "%m/%d/%y"));
                case 'R' -> sb.append(format(epochSeconds, "%H:%M"));
                case 'c' -> sb.append(format(epochSeconds, "%a %b %e %H:%M:%S %Y"));
                case 'x' -> sb.append(format(epochSeconds, "%m/%d/%Y"));
                case 'X' -> sb.append(format(epochSeconds, "%H:%M:%S"));
                case 'N' -> sb.append(fraction(nanos, width == 0 ? 9 : width));
                case 'Q' -> sb.append(fraction(nanos, width == 0 ? 3 : width));
                case 'f' -> sb.append(fraction(nanos, 6));
                case 'w' -> sb.append(t.getDayOfWeek().getValue() % 7);
                case 'u' -> sb.append(t.getDayOfWeek().getValue());
                case '%' -> sb.append('%');
                default -> sb.append('%').append(d);
            }
        }
        return sb.toString();
    }

    private static int twelveHour(int hour) {
        int h = hour % 12;
        return h == 0 ? 12 : h;
    }

    private static void pad(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append('0');
        }
        sb.append(s);
    }

    private static void padSpace(StringBuilder sb, int value, int width) {
        String s = Integer.toString(value);
        for (int i = s.length(); i < width; i++) {
            sb.append(' ');
        }
        sb.append(s);
    }

    private static String fraction(long nanos, int digits) {
        String all = String.format(Locale.ROOT, "%09d", nanos);
        return digits <= 9 ? all.substring(0, digits) : all + "0".repeat(digits - 9);
    }

    /**
     * Parses {@code text} with a strftime format into epoch seconds (with a fraction when the format has one), or
     * null when the text does not fit. Like Splunk, a format without a day component does not produce a time.
     */
    public static Double parse(String text, String pattern) {
        String format = pattern.replace("%T", "%H:%M:%S").replace("%F", "%Y-%m-%d").replace("%D", "%m/%d/%y")
                .replace("%R", "%H:%M");
        int[] pos = {0};
        int year = 1970;
        int month = 1;
        int day = 1;
        int hour = 0;
        int minute = 0;
        int second = 0;
        long nanos = 0;
        int offsetSeconds = 0;
        boolean pm = false;
        boolean twelve = false;
        boolean hasDay = false;
        Long epoch = null;
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 >= format.length()) {
                if (Character.isWhitespace(c)) {
                    while (pos[0] < text.length() && Character.isWhitespace(text.charAt(pos[0]))) {
                        pos[0]++;
                    }
                    continue;
                }
                if (pos[0] >= text.length() || text.charAt(pos[0]) != c) {
                    return null;
                }
                pos[0]++;
                continue;
            }
            char d = format.charAt(++i);
            int width = 0;
            while (Character.isDigit(d) && i + 1 < format.length()) {
                width = width * 10 + (d - '0');
                d = format.charAt(++i);
            }
            Integer v;
            switch (d) {
                case 'Y' -> {
                    v = number(text, pos, 4);
                    if (v == null) {
                        return null;
                    }
                    year = v;
                }
                case 'y' -> {
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    year = v < 69 ? 2000 + v : 1900 + v;
                }
                case 'm' -> {
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    month = v;
                }
                case 'd', 'e' -> {
                    skipSpaces(text, pos);
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    day = v;
                    hasDay = true;
                }
                case 'j' -> {
                    v = number(text, pos, 3);
                    if (v == null) {
                        return null;
                    }
                    LocalDate date = LocalDate.ofYearDay(year, Math.max(1, Math.min(366, v)));
                    month = date.getMonthValue();
                    day = date.getDayOfMonth();
                    hasDay = true;
                }
                case 'H', 'k' -> {
                    skipSpaces(text, pos);
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    hour = v;
                }
                case 'I', 'l' -> {
                    skipSpaces(text, pos);
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    hour = v;
                    twelve = true;
                }
                case 'M' -> {
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    minute = v;
                }
                case 'S' -> {
                    v = number(text, pos, 2);
                    if (v == null) {
                        return null;
                    }
                    second = v;
                }
                case 'p' -> {
                    if (text.regionMatches(true, pos[0], "PM", 0, 2)) {
                        pm = true;
                    } else if (!text.regionMatches(true, pos[0], "AM", 0, 2)) {
                        return null;
                    }
                    pos[0] += 2;
                }
                case 'N', 'Q', 'f' -> {
                    int start = pos[0];
                    int max = width > 0 ? width : (d == 'Q' ? 3 : d == 'f' ? 6 : 9);
                    while (pos[0] < text.length() && pos[0] - start < max && Character.isDigit(text.charAt(pos[0]))) {
                        pos[0]++;
                    }
                    if (pos[0] == start) {
                        return null;
                    }
                    String digits = (text.substring(start, pos[0]) + "000000000").substring(0, 9);
                    nanos = Long.parseLong(digits);
                }
                case 'b', 'B', 'h' -> {
                    Integer m = monthName(text, pos);
                    if (m == null) {
                        return null;
                    }
                    month = m;
                }
                case 'a', 'A' -> {
                    if (!skipDayName(text, pos)) {
                        return null;
                    }
                }
                case 'Z' -> {
                    while (pos[0] < text.length() && Character.isLetter(text.charAt(pos[0]))) {
                        pos[0]++;
                    }
                }
                case 'z' -> {
                    Integer off = offset(text, pos);
                    if (off == null) {
                        return null;
                    }
                    offsetSeconds = off;
                }
                case 's' -> {
                    int start = pos[0];
                    while (pos[0] < text.length() && Character.isDigit(text.charAt(pos[0]))) {
                        pos[0]++;
                    }
                    if (pos[0] == start) {
                        return null;
                    }
                    epoch = Long.parseLong(text.substring(start, pos[0]));
                    hasDay = true;
                }
                case '%' -> {
                    if (pos[0] >= text.length() || text.charAt(pos[0]) != '%') {
                        return null;
                    }
                    pos[0]++;
                }
                default -> {
                    return null;
                }
            }
        }
        if (!hasDay) {
            return null;
        }
        if (epoch != null) {
            return epoch + nanos / 1e9;
        }
        if (twelve) {
            hour = hour % 12 + (pm ? 12 : 0);
        }
        try {
            LocalDateTime ldt = LocalDateTime.of(year, month, day, hour, minute, second);
            long s = ldt.toEpochSecond(ZoneOffset.UTC) - offsetSeconds;
            return s + nanos / 1e9;
        } catch (java.time.DateTimeException e) {
            return null;
        }
    }

    private static void skipSpaces(String text, int[] pos) {
        while (pos[0] < text.length() && text.charAt(pos[0]) == ' ') {
            pos[0]++;
        }
    }

    private static Integer number(String text, int[] pos, int maxDigits) {
        int start = pos[0];
        int value = 0;
        while (pos[0] < text.length() && pos[0] - start < maxDigits && Character.isDigit(text.charAt(pos[0]))) {
            value = value * 10 + (text.charAt(pos[0]) - '0');
            pos[0]++;
        }
        return pos[0] == start ? null : value;
    }

    private static Integer monthName(String text, int[] pos) {
        for (java.time.Month m : java.time.Month.values()) {
            String full = m.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String shortName = m.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            if (text.regionMatches(true, pos[0], full, 0, full.length())) {
                pos[0] += full.length();
                return m.getValue();
            }
            if (text.regionMatches(true, pos[0], shortName, 0, shortName.length())) {
                pos[0] += shortName.length();
                return m.getValue();
            }
        }
        return null;
    }

    private static boolean skipDayName(String text, int[] pos) {
        for (DayOfWeek d : DayOfWeek.values()) {
            String full = d.getDisplayName(TextStyle.FULL, Locale.ENGLISH);
            String shortName = d.getDisplayName(TextStyle.SHORT, Locale.ENGLISH);
            if (text.regionMatches(true, pos[0], full, 0, full.length())) {
                pos[0] += full.length();
                return true;
            }
            if (text.regionMatches(true, pos[0], shortName, 0, shortName.length())) {
                pos[0] += shortName.length();
                return true;
            }
        }
        return false;
    }

    private static Integer offset(String text, int[] pos) {
        if (pos[0] < text.length() && (text.charAt(pos[0]) == 'Z' || text.charAt(pos[0]) == 'z')) {
            pos[0]++;
            return 0;
        }
        if (pos[0] >= text.length()) {
            return null;
        }
        char sign = text.charAt(pos[0]);
        if (sign != '+' && sign != '-') {
            return null;
        }
        pos[0]++;
        Integer h = number(text, pos, 2);
        if (h == null) {
            return null;
        }
        if (pos[0] < text.length() && text.charAt(pos[0]) == ':') {
            pos[0]++;
        }
        Integer m = number(text, pos, 2);
        int total = h * 3600 + (m == null ? 0 : m * 60);
        return sign == '-' ? -total : total;
    }
}
