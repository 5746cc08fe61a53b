package dev.quarry.exec.lookup;

import java.util.ArrayList;
import java.util.List;

/**
 * One {@code WILDCARD} cell compiled once: the literal runs between its {@code *} wildcards and whether the value
 * must start or end with the first or last run. Nothing but {@code *} is special; the caller folds case.
 */
final class WildcardCell {
    private final String[] parts;
    private final boolean anchoredStart;
    private final boolean anchoredEnd;

    private WildcardCell(String[] parts, boolean anchoredStart, boolean anchoredEnd) {
        this.parts = parts;
        this.anchoredStart = anchoredStart;
        this.anchoredEnd = anchoredEnd;
    }

    static boolean isPattern(String cell) {
        return cell.indexOf('*') >= 0;
    }

    static WildcardCell compile(String pattern) {
        List<String> parts = new ArrayList<>();
        int start = 0;
        for (int i = 0; i <= pattern.length(); i++) {
            if (i == pattern.length() || pattern.charAt(i) == '*') {
                if (i > start) {
                    parts.add(pattern.substring(start, i));
                }
                start = i + 1;
            }
        }
        return new WildcardCell(parts.toArray(new String[0]), !pattern.startsWith("*"), !pattern.endsWith("*"));
    }

    /** The literal runs, which every matching value contains in this order. */
    List<String> literalParts() {
        return List.of(parts);
    }

    boolean matches(String value) {
        int pos = 0;
        int end = value.length();
        int first = 0;
        int last = parts.length - 1;
        if (anchoredStart) {
            if (!value.startsWith(parts[0])) {
                return false;
            }
            pos = parts[0].length();
            first = 1;
        }
        if (anchoredEnd) {
            if (last < first) {
                return pos == end;
            }
            String tail = parts[last];
            if (end - tail.length() < pos || !value.endsWith(tail)) {
                return false;
            }
            end -= tail.length();
            last--;
        }
        // Taking the leftmost occurrence of each middle run leaves the most room for the runs after it.
        for (int i = first; i <= last; i++) {
            int at = value.indexOf(parts[i], pos);
            if (at < 0 || at + parts[i].length() > end) {
                return false;
            }
            pos = at + parts[i].length();
        }
        return true;
    }
}
