package dev.quarry.evtx.binxml;

/**
 * ISO-8601 UTC text for FILETIME and SYSTEMTIME values, written by hand because this runs for
 * every record and java.time formatting allocates several objects per call.
 */
final class TimeText {
    /** 100-nanosecond intervals between 1601-01-01 (FILETIME epoch) and 1970-01-01. */
    static final long FILETIME_UNIX_EPOCH = 116_444_736_000_000_000L;
    private static final long TICKS_PER_SECOND = 10_000_000L;
    private static final long SECONDS_PER_DAY = 86_400L;

    private TimeText() {
    }

    /**
     * Formats a FILETIME as {@code yyyy-MM-ddTHH:mm:ss.fffffffffZ}. The nine fraction digits
     * (100 ns resolution padded with "00") match what evtxexport 20181227 prints.
     */
    static String filetime(long ticks) {
        // FILETIME is unsigned; values past year 30828 cannot be produced by Windows.
        long unsignedSeconds = Long.divideUnsigned(ticks, TICKS_PER_SECOND);
        long fraction = Long.remainderUnsigned(ticks, TICKS_PER_SECOND);
        long epochSeconds = unsignedSeconds - FILETIME_UNIX_EPOCH / TICKS_PER_SECOND;
        StringBuilder text = new StringBuilder(30);
        appendDateTime(text, epochSeconds);
        text.append('.');
        appendPadded(text, fraction, 7);
        return text.append("00Z").toString();
    }

    /**
     * Formats a SYSTEMTIME (year, month, day of week, day, hour, minute, second, millisecond,
     * each 16 bits) as {@code yyyy-MM-ddTHH:mm:ss.mmmZ}, the form evtxexport 20181227 prints.
     * The fields are printed as stored, without checking that they form a valid date.
     */
    static String systemtime(byte[] bytes, int offset) {
        StringBuilder text = new StringBuilder(24);
        appendPadded(text, LittleEndian.u16(bytes, offset), 4);
        text.append('-');
        appendPadded(text, LittleEndian.u16(bytes, offset + 2), 2);
        text.append('-');
        appendPadded(text, LittleEndian.u16(bytes, offset + 6), 2);
        text.append('T');
        appendPadded(text, LittleEndian.u16(bytes, offset + 8), 2);
        text.append(':');
        appendPadded(text, LittleEndian.u16(bytes, offset + 10), 2);
        text.append(':');
        appendPadded(text, LittleEndian.u16(bytes, offset + 12), 2);
        text.append('.');
        appendPadded(text, LittleEndian.u16(bytes, offset + 14), 3);
        return text.append('Z').toString();
    }

    private static void appendDateTime(StringBuilder text, long epochSeconds) {
        long days = Math.floorDiv(epochSeconds, SECONDS_PER_DAY);
        long secondOfDay = Math.floorMod(epochSeconds, SECONDS_PER_DAY);

        // Civil date from days since 1970-01-01 (proleptic Gregorian calendar, 400-year eras).
        long z = days + 719_468;
        long era = Math.floorDiv(z, 146_097);
        long dayOfEra = z - era * 146_097;
        long yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36_524 - dayOfEra / 146_096) / 365;
        long dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100);
        long monthIndex = (5 * dayOfYear + 2) / 153;
        long day = dayOfYear - (153 * monthIndex + 2) / 5 + 1;
        long month = monthIndex < 10 ? monthIndex + 3 : monthIndex - 9;
        long year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0);

        appendPadded(text, year, 4);
        text.append('-');
        appendPadded(text, month, 2);
        text.append('-');
        appendPadded(text, day, 2);
        text.append('T');
        appendPadded(text, secondOfDay / 3600, 2);
        text.append(':');
        appendPadded(text, secondOfDay / 60 % 60, 2);
        text.append(':');
        appendPadded(text, secondOfDay % 60, 2);
    }

    private static void appendPadded(StringBuilder text, long value, int width) {
        String digits = Long.toString(value);
        for (int i = digits.length(); i < width; i++) {
            text.append('0');
        }
        text.append(digits);
    }
}
