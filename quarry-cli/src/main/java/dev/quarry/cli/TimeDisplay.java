package dev.quarry.cli;

import dev.quarry.exec.Value;
import dev.quarry.ingest.Timestamps;

/**
 * Printed form of result values. {@code _time} is in epoch seconds, which Splunk shows as a date and Quarry prints as
 * ISO 8601 in UTC, as {@code quarry events} prints an event's time. Every other value prints as it is.
 */
final class TimeDisplay {
    private static final java.util.regex.Pattern EPOCH = java.util.regex.Pattern.compile("\\d{9,11}(\\.\\d+)?");
    /** The first second of the year 10000: later values are not dates that ISO 8601's four-digit years can print. */
    private static final double YEAR_10000 = 253_402_300_800.0;

    private TimeDisplay() {
    }

    /** Returns {@code value} as it prints in field {@code field}: a date for epoch seconds in {@code _time}. */
    static Value shown(String field, Value value) {
        if (!field.equals("_time")) {
            return value;
        }
        double seconds;
        if (value instanceof Value.Num n) {
            seconds = n.value();
        } else if (value instanceof Value.Str s) {
            // Group-by values, as from stats by _time, are kept as text. Only epoch seconds of 9 to 11 digits
            // (1973 to 5138) count as a time, so text such as "2021" stays as it is.
            if (!EPOCH.matcher(s.text()).matches()) {
                return value;
            }
            seconds = Double.parseDouble(s.text());
        } else {
            return value;
        }
        if (!Double.isFinite(seconds) || seconds < 0 || seconds >= YEAR_10000) {
            return value;
        }
        return new Value.Str(Timestamps.formatMicros(Math.round(seconds * 1e6)));
    }
}
