package dev.quarry.exec;

import java.util.ArrayList;
import java.util.List;

/**
 * A search-language value pattern: matched against the whole field value, case-insensitively, where {@code *}
 * matches any run of characters (including none) and nothing else is special. A backslash cannot escape
 * {@code *}: {@code \*} is a literal backslash followed by a wildcard, as Splunk documents.
 */
public final class WildcardPattern implements ValuePattern {
    private final String text;
    /** The literal runs between wildcards, as written and {@link CaseFold folded}. */
    private final String[] parts;
    private final String[] foldedParts;
    private final String foldedText;
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
        this.foldedParts = new String[parts.length];
        for (int i = 0; i < parts.length; i++) {
            foldedParts[i] = CaseFold.fold(parts[i]);
        }
        this.foldedText = CaseFold.fold(text);
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
    @Override
    public boolean matchesAnything() {
        return matchesAll;
    }

    /** The literal runs between the wildcards, for prefilters that need required substrings. */
    public List<String> literalParts() {
        return List.of(parts);
    }

    public boolean matches(String value) {
        return matchesAll || matchesFolded(CaseFold.fold(value));
    }

    /** The same as {@link #matches(String)} on the value's text, reusing the value's folded form. */
    @Override
    public boolean matches(Value.Str value) {
        return matchesAll || matchesFolded(value.folded());
    }

    /** Matches a value already folded with {@link CaseFold#fold}. */
    private boolean matchesFolded(String value) {
        if (parts.length == 0) {
            return value.isEmpty();
        }
        if (!hasWildcard()) {
            return value.equals(foldedText);
        }
        int pos = 0;
        int last = parts.length - 1;
        int firstIndex = 0;
        if (!leadingStar) {
            if (!value.startsWith(foldedParts[0])) {
                return false;
            }
            pos = foldedParts[0].length();
            firstIndex = 1;
        }
        int end = value.length();
        int lastIndex = last;
        if (!trailingStar) {
            String p = foldedParts[last];
            int at = end - p.length();
            if (at < pos || !value.startsWith(p, at)) {
                return false;
            }
            end = at;
            lastIndex = last - 1;
        }
        for (int i = firstIndex; i <= lastIndex; i++) {
            String p = foldedParts[i];
            int found = value.indexOf(p, pos);
            if (found < 0 || found + p.length() > end) {
                return false;
            }
            pos = found + p.length();
        }
        return true;
    }

    @Override
    public String toString() {
        return text;
    }
}
