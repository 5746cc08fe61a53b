package dev.quarry.exec;

import java.util.List;

/** Conversions and comparisons between values, following Splunk's rules for numbers in text. */
public final class Values {
    private Values() {
    }

    /**
     * Returns the number a value stands for, or null: numbers as they are, strings that are entirely a decimal
     * number (optional sign, digits, fraction, exponent; no spaces, no hex), and the first value of a multivalue.
     */
    public static Double toNumber(Value v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Value.Num n) {
            return n.value();
        }
        if (v instanceof Value.Str s) {
            return parseNumber(s.value());
        }
        if (v instanceof Value.Multi m) {
            return toNumber(m.values().get(0));
        }
        return null;
    }

    /** Parses a decimal number the way eval recognizes numbers in field values; null if it is not one. */
    public static Double parseNumber(String s) {
        int n = s.length();
        if (n == 0 || n > 64) {
            return null;
        }
        int i = 0;
        if (s.charAt(0) == '+' || s.charAt(0) == '-') {
            i++;
        }
        int digits = 0;
        while (i < n && Character.isDigit(s.charAt(i)) && s.charAt(i) < 128) {
            i++;
            digits++;
        }
        if (i < n && s.charAt(i) == '.') {
            i++;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                digits++;
            }
        }
        if (digits == 0) {
            return null;
        }
        if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
            i++;
            if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
                i++;
            }
            int expDigits = 0;
            while (i < n && s.charAt(i) >= '0' && s.charAt(i) <= '9') {
                i++;
                expDigits++;
            }
            if (expDigits == 0) {
                return null;
            }
        }
        if (i != n) {
            return null;
        }
        return Double.parseDouble(s);
    }

    /** True for a value that is a number or text that reads as one. */
    public static boolean isNumeric(Value v) {
        return toNumber(v) != null;
    }

    /** Returns the text of a scalar value, or of the first value of a multivalue. */
    public static String toText(Value v) {
        if (v == null) {
            return null;
        }
        if (v instanceof Value.Multi m) {
            return m.values().get(0).text();
        }
        return v.text();
    }

    /**
     * Compares two scalar values: numerically when both read as numbers, otherwise as strings in code point
     * order, which is UTF-8 byte order (digits before uppercase before lowercase, so {@code "10" < "9"}).
     */
    public static int compare(Value a, Value b) {
        Double x = toNumber(a);
        Double y = toNumber(b);
        if (x != null && y != null) {
            return Double.compare(x, y);
        }
        return compareText(toText(a), toText(b));
    }

    /** Compares strings by Unicode code point, so surrogate pairs sort after the rest of the BMP as in UTF-8. */
    public static int compareText(String a, String b) {
        int n = Math.min(a.length(), b.length());
        for (int i = 0; i < n; i++) {
            char c = a.charAt(i);
            char d = b.charAt(i);
            if (c != d) {
                boolean cs = Character.isSurrogate(c);
                boolean ds = Character.isSurrogate(d);
                if (cs != ds) {
                    return cs ? 1 : -1;
                }
                return c - d;
            }
        }
        return a.length() - b.length();
    }

    /** Orders multivalue contents for {@code values()}: as strings, lexicographically. */
    public static void sortLexicographically(List<String> values) {
        values.sort(Values::compareText);
    }
}
