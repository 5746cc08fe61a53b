package dev.quarry.exec;

import java.util.Locale;

/**
 * The case folding of the search language's value comparisons. {@link String#regionMatches(boolean, int, String,
 * int, int)} with case ignored finds two characters equal exactly when lower case of their upper case is the same,
 * so comparing folded texts with plain {@code equals}, {@code startsWith} or {@code indexOf} gives the same answers
 * as comparing the texts without case, and the folded text has the same length.
 */
public final class CaseFold {
    private CaseFold() {
    }

    /** Each code point mapped to lower case of its upper case; the same string when nothing changes. */
    public static String fold(String text) {
        int n = text.length();
        int i = 0;
        while (i < n) {
            char c = text.charAt(i);
            if (c >= 0x80 || (c >= 'A' && c <= 'Z')) {
                break;
            }
            i++;
        }
        if (i == n) {
            return text;
        }
        if (isAscii(text, i)) {
            // For ASCII, lower case of upper case is plain lower case, which the JDK converts in one copy.
            return text.toLowerCase(Locale.ROOT);
        }
        char[] out = text.toCharArray();
        for (; i < n; i++) {
            char c = out[i];
            if (c < 0x80) {
                if (c >= 'A' && c <= 'Z') {
                    out[i] = (char) (c + ('a' - 'A'));
                }
                continue;
            }
            if (Character.isSurrogate(c)) {
                return slowFold(text);
            }
            int f = Character.toLowerCase(Character.toUpperCase((int) c));
            if (f > 0xFFFF) {
                return slowFold(text);
            }
            out[i] = (char) f;
        }
        return new String(out);
    }

    private static boolean isAscii(String text, int from) {
        for (int i = from, n = text.length(); i < n; i++) {
            if (text.charAt(i) >= 0x80) {
                return false;
            }
        }
        return true;
    }

    /** Code point by code point, for texts outside the Basic Multilingual Plane. */
    private static String slowFold(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            out.appendCodePoint(Character.toLowerCase(Character.toUpperCase(cp)));
            i += Character.charCount(cp);
        }
        return out.toString();
    }
}
