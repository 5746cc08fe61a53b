package dev.quarry.ingest;

import java.time.LocalDate;
import java.time.ZoneOffset;

/**
 * Parses the timestamps found in event logs into microseconds since the epoch, UTC.
 *
 * <p>Accepted: ISO-8601 date and time with {@code T} or a space between them, any number of fractional second
 * digits (digits past the sixth are truncated, since {@code _time} carries microseconds), and {@code Z}, an
 * offset such as {@code +02:00}, {@code +0200} or {@code +02}, or no zone at all, which is read as UTC.
 * Also accepted: epoch numbers, read as seconds (with a fraction) below 10^11 and as milliseconds above.
 */
public final class Timestamps {
    private Timestamps() {
    }

    /** Returns epoch microseconds, or throws {@link IllegalArgumentException} naming the expected forms. */
    public static long parseMicros(String text) {
        String s = text.trim();
        if (s.isEmpty()) {
            throw invalid(text);
        }
        if (isEpochNumber(s)) {
            return parseEpoch(s, text);
        }
        return parseIso(s, text);
    }

    private static boolean isEpochNumber(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if ((c < '0' || c > '9') && c != '.') {
                return false;
            }
        }
        return true;
    }

    private static long parseEpoch(String s, String original) {
        try {
            java.math.BigDecimal d = new java.math.BigDecimal(s);
            if (d.compareTo(java.math.BigDecimal.valueOf(100_000_000_000L)) > 0) {
                return d.movePointRight(3).longValue();
            }
            return d.movePointRight(6).longValue();
        } catch (NumberFormatException e) {
            throw invalid(original);
        }
    }

    private static long parseIso(String s, String original) {
        int[] pos = {0};
        int year = digits(s, pos, 4, original);
        expect(s, pos, '-', original);
        int month = digits(s, pos, 2, original);
        expect(s, pos, '-', original);
        int day = digits(s, pos, 2, original);
        long seconds;
        long micros = 0;
        int offsetSeconds = 0;
        if (pos[0] < s.length()) {
            char sep = s.charAt(pos[0]);
            if (sep != 'T' && sep != 't' && sep != ' ') {
                throw invalid(original);
            }
            pos[0]++;
            int hour = digits(s, pos, 2, original);
            expect(s, pos, ':', original);
            int minute = digits(s, pos, 2, original);
            int second = 0;
            if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
                pos[0]++;
                second = digits(s, pos, 2, original);
            }
            if (pos[0] < s.length() && (s.charAt(pos[0]) == '.' || s.charAt(pos[0]) == ',')) {
                pos[0]++;
                int start = pos[0];
                long fraction = 0;
                int count = 0;
                while (pos[0] < s.length() && Character.isDigit(s.charAt(pos[0]))) {
                    if (count < 6) {
                        fraction = fraction * 10 + (s.charAt(pos[0]) - '0');
                        count++;
                    }
                    pos[0]++;
                }
                if (pos[0] == start) {
                    throw invalid(original);
                }
                for (; count < 6; count++) {
                    fraction *= 10;
                }
                micros = fraction;
            }
            offsetSeconds = parseZone(s, pos, original);
            if (hour > 23 || minute > 59 || second > 60) {
                throw invalid(original);
            }
            seconds = (long) hour * 3600 + minute * 60L + second;
        } else {
            seconds = 0;
        }
        if (pos[0] != s.length()) {
            throw invalid(original);
        }
        long epochDay;
        try {
            epochDay = LocalDate.of(year, month, day).toEpochDay();
        } catch (java.time.DateTimeException e) {
            throw invalid(original);
        }
        long epochSeconds = epochDay * 86_400L + seconds - offsetSeconds;
        return epochSeconds * 1_000_000L + micros;
    }

    private static int parseZone(String s, int[] pos, String original) {
        if (pos[0] >= s.length()) {
            return 0;
        }
        char c = s.charAt(pos[0]);
        if (c == 'Z' || c == 'z') {
            pos[0]++;
            return 0;
        }
        if (c == ' ' && s.substring(pos[0]).trim().equalsIgnoreCase("UTC")) {
            pos[0] = s.length();
            return 0;
        }
        if (c != '+' && c != '-') {
            throw invalid(original);
        }
        pos[0]++;
        int hours = digits(s, pos, 2, original);
        int minutes = 0;
        if (pos[0] < s.length() && s.charAt(pos[0]) == ':') {
            pos[0]++;
        }
        if (pos[0] < s.length()) {
            minutes = digits(s, pos, 2, original);
        }
        int total = ZoneOffset.ofHoursMinutes(hours, minutes).getTotalSeconds();
        return c == '-' ? -total : total;
    }

    private static int digits(String s, int[] pos, int count, String original) {
        if (pos[0] + count > s.length()) {
            throw invalid(original);
        }
        int value = 0;
        for (int i = 0; i < count; i++) {
            char c = s.charAt(pos[0] + i);
            if (c < '0' || c > '9') {
                throw invalid(original);
            }
            value = value * 10 + (c - '0');
        }
        pos[0] += count;
        return value;
    }

    private static void expect(String s, int[] pos, char c, String original) {
        if (pos[0] >= s.length() || s.charAt(pos[0]) != c) {
            throw invalid(original);
        }
        pos[0]++;
    }

    private static IllegalArgumentException invalid(String text) {
        return new IllegalArgumentException("invalid timestamp [" + text
                + "]: expected ISO-8601 such as 2020-10-22T03:52:01.720Z or epoch seconds");
    }

    /** Formats epoch microseconds as ISO-8601 UTC with six fractional digits, for display. */
    public static String formatMicros(long micros) {
        long seconds = Math.floorDiv(micros, 1_000_000L);
        int fraction = (int) Math.floorMod(micros, 1_000_000L);
        return java.time.Instant.ofEpochSecond(seconds, fraction * 1000L).toString();
    }
}
