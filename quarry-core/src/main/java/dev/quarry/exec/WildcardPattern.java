package dev.quarry.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A search-language value pattern: matched against the whole field value, case-insensitively, where {@code *}
 * matches any run of characters (including none) and nothing else is special. A backslash cannot escape
 * {@code *}: {@code \*} is a literal backslash followed by a wildcard, as Splunk documents.
 */
public final class WildcardPattern {
    private final String text;
    private final String[] parts;
    private final boolean leadingStar;
    private final boolean trailingStar;
    private final boolean matchesAll;

    private WildcardPattern(String text) {
        this.text = text;
        List<String> split = new ArrayList<>();
        int start = 0;
        for (int i = 0; i < text.length(); i++) {
            if (text.charAt(i) == '*') {
                if (i > start) {
                    split.add(text.substring(start, i));
                }
                start = i + 1;
            }
        }
        if (start < text.length()) {
            split.add(text.substring(start));
        }
        this.parts = split.toArray(new String[0]);
        this.leadingStar = text.startsWith("*");
        this.trailingStar = text.endsWith("*");
        this.matchesAll = parts.length == 0 && !text.isEmpty();
    }

    public static WildcardPattern compile(String text) {
        return new WildcardPattern(text);
    }

    public String text() {
        return text;
    }

    public boolean hasWildcard() {
        return text.indexOf('*') >= 0;
    }

    /** True for a pattern made only of {@code *}, which matches every value. */
    public boolean matchesAnything() {
        return matchesAll;
    }

    /** The literal runs between the wildcards, for prefilters that need required substrings. */
    public List<String> literalParts() {
        return List.of(parts);
    }

    public boolean matches(String value) {
        if (matchesAll) {
            return true;
        }
        if (parts.length == 0) {
            return value.isEmpty();
        }
        if (!hasWildcard()) {
            return value.length() == text.length() && value.regionMatches(true, 0, text, 0, text.length());
        }
        int pos = 0;
        int last = parts.length - 1;
        int firstIndex = 0;
        if (!leadingStar) {
            String p = parts[0];
            if (!value.regionMatches(true, 0, p, 0, p.length())) {
                return false;
            }
            pos = p.length();
            firstIndex = 1;
        }
        int end = value.length();
        int lastIndex = last;
        if (!trailingStar) {
            String p = parts[last];
            int at = end - p.length();
            if (at < pos || !value.regionMatches(true, at, p, 0, p.length())) {
                return false;
            }
            end = at;
            lastIndex = last - 1;
        }
        for (int i = firstIndex; i <= lastIndex; i++) {
            int found = indexOfIgnoreCase(value, parts[i], pos, end);
            if (found < 0) {
                return false;
            }
            pos = found + parts[i].length();
        }
        return true;
    }

    /** Leftmost case-insensitive occurrence of {@code needle} in {@code hay[from, to)}, or -1. */
    static int indexOfIgnoreCase(String hay, String needle, int from, int to) {
        int n = needle.length();
        int limit = to - n;
        if (n == 0) {
            return from <= to ? from : -1;
        }
        char first = needle.charAt(0);
        char firstUpper = Character.toUpperCase(first);
        char firstLower = Character.toLowerCase(first);
        for (int i = from; i <= limit; i++) {
            char c = hay.charAt(i);
            if (c != first && c != firstUpper && c != firstLower
                    && Character.toLowerCase(Character.toUpperCase(c)) != firstLower) {
                continue;
            }
            if (hay.regionMatches(true, i, needle, 0, n)) {
                return i;
            }
        }
        return -1;
    }

    @Override
    public String toString() {
        return text;
    }
}
