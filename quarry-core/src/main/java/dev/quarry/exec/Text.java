package dev.quarry.exec;

import java.util.ArrayList;
import java.util.List;

/** String helpers for eval functions, counting characters as Unicode code points as Splunk does. */
final class Text {
    private Text() {
    }

    static String trim(String s, String chars, boolean left, boolean right) {
        int start = 0;
        int end = s.length();
        if (left) {
            while (start < end && chars.indexOf(s.charAt(start)) >= 0) {
                start++;
            }
        }
        if (right) {
            while (end > start && chars.indexOf(s.charAt(end - 1)) >= 0) {
                end--;
            }
        }
        return s.substring(start, end);
    }

    /**
     * {@code substr(s, start, length)} with a 1-based start; a negative start counts from the end; a start of 0
     * behaves as 1. A missing length takes the rest of the string.
     */
    static String substr(String s, long start, Long length) {
        int[] cps = s.codePoints().toArray();
        int n = cps.length;
        long from;
        if (start > 0) {
            from = start - 1;
        } else if (start < 0) {
            from = Math.max(0, n + start);
        } else {
            from = 0;
        }
        if (from >= n) {
            return "";
        }
        long to = length == null ? n : Math.min(n, from + Math.max(0, length));
        return new String(cps, (int) from, (int) (to - from));
    }

    /** Splits on every occurrence of {@code delimiter}; an empty delimiter splits into characters. */
    static List<String> split(String s, String delimiter) {
        List<String> parts = new ArrayList<>();
        if (delimiter.isEmpty()) {
            s.codePoints().forEach(cp -> parts.add(new String(Character.toChars(cp))));
            return parts;
        }
        int start = 0;
        int at;
        while ((at = s.indexOf(delimiter, start)) >= 0) {
            parts.add(s.substring(start, at));
            start = at + delimiter.length();
        }
        parts.add(s.substring(start));
        return parts;
    }
}
