package dev.quarry.prefilter;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds the escapes through which JSON and XML text can spell a character in other characters: JSON's
 * {@code \\uXXXX} (a {@code u} after an odd run of backslashes, since {@code \\\\} is an escaped backslash) and XML's
 * numeric character references ({@code &#...;}). Text with either may decode to a literal that its raw bytes do
 * not contain, so the prefilter lets it through. Windows exports rarely have them: 2,659 of about 705,000
 * Security-Datasets lines do.
 */
final class Escapes {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long HIGHS = 0x8080808080808080L;
    private static final long BACKSLASHES = ONES * '\\';
    private static final long AMPERSANDS = ONES * '&';

    private Escapes() {
    }

    /** {@link #scan} found a byte with its high bit set: the range is not all ASCII. */
    static final int NON_ASCII = 1;
    /** {@link #scan} found an escape. It stops there, so {@link #NON_ASCII} may be missing. */
    static final int ESCAPE = 2;

    /** True when {@code bytes[from, to)} has a JSON unicode escape or an XML character reference. */
    static boolean any(byte[] bytes, int from, int to) {
        return (scan(bytes, from, to) & ESCAPE) != 0;
    }

    /**
     * Reads {@code bytes[from, to)} once and returns {@link #NON_ASCII} and {@link #ESCAPE} as found, so that the
     * prefilter learns both from one pass.
     */
    static int scan(byte[] bytes, int from, int to) {
        long high = 0;
        int i = from;
        // Eight bytes at a time, and only the bytes marked as a backslash or an ampersand are checked.
        while (i + 8 <= to) {
            long x = (long) LONGS.get(bytes, i);
            high |= x;
            // The marks may also flag a byte just above a real match (a borrow), so escapeAt checks each one.
            long marks = matches(x, BACKSLASHES) | matches(x, AMPERSANDS);
            while (marks != 0) {
                int j = i + (Long.numberOfTrailingZeros(marks) >>> 3);
                if (escapeAt(bytes, j, from, to)) {
                    return ESCAPE;
                }
                marks &= marks - 1;
            }
            i += 8;
        }
        for (; i < to; i++) {
            high |= bytes[i];
            if (escapeAt(bytes, i, from, to)) {
                return ESCAPE;
            }
        }
        return (high & HIGHS) != 0 ? NON_ASCII : 0;
    }

    /** Returns the same for text. */
    static boolean any(CharSequence text) {
        for (int i = 0, n = text.length(); i + 1 < n; i++) {
            char c = text.charAt(i);
            if (c == '&' && text.charAt(i + 1) == '#') {
                return true;
            }
            if (c == '\\' && text.charAt(i + 1) == 'u' && oddRun(text, i)) {
                return true;
            }
        }
        return false;
    }

    private static boolean escapeAt(byte[] bytes, int i, int from, int to) {
        if (i + 1 >= to) {
            return false;
        }
        if (bytes[i] == '&') {
            return bytes[i + 1] == '#';
        }
        if (bytes[i] != '\\' || bytes[i + 1] != 'u') {
            return false;
        }
        int run = 0;
        for (int k = i; k >= from && bytes[k] == '\\'; k--) {
            run++;
        }
        return run % 2 == 1;
    }

    private static boolean oddRun(CharSequence text, int i) {
        int run = 0;
        for (int k = i; k >= 0 && text.charAt(k) == '\\'; k--) {
            run++;
        }
        return run % 2 == 1;
    }

    /**
     * Returns the high bit of each byte of {@code x} that equals the byte repeated in {@code pattern}, and possibly
     * of bytes above such a byte. The result is zero exactly when no byte equals it.
     */
    private static long matches(long x, long pattern) {
        long y = x ^ pattern;
        return (y - ONES) & ~y & HIGHS;
    }
}
