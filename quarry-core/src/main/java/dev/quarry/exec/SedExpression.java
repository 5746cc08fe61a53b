package dev.quarry.exec;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * A sed expression as {@code rex mode=sed} takes it: {@code s/regex/replacement/flags} replaces matches of a PCRE
 * regular expression ({@code \1} to {@code \9} in the replacement refer to groups; flag {@code g} replaces every
 * match, a number N only the Nth, no flag the first), and {@code y/abc/xyz/} replaces each character of the first
 * list with the character at the same place in the second. The character after {@code s} or {@code y} is the
 * delimiter; a backslash before it makes it part of the text.
 */
public final class SedExpression {
    /** A group reference in replacement text: a backslash and one digit, after any escaped backslashes. */
    private static final Pattern GROUP_REFERENCE = Pattern.compile("(?<!\\\\)(?:\\\\\\\\)*\\\\(\\d)");

    private final Regexes.Compiled regex;
    private final String replacement;
    private final int occurrence;
    private final int[] from;
    private final int[] to;

    private SedExpression(Regexes.Compiled regex, String replacement, int occurrence, int[] from, int[] to) {
        this.regex = regex;
        this.replacement = replacement;
        this.occurrence = occurrence;
        this.from = from;
        this.to = to;
    }

    /**
     * Parses an expression; throws {@link IllegalArgumentException} saying what is wrong, or
     * {@link UnsupportedOperationException} for a sed command or flag that rex does not have.
     */
    public static SedExpression parse(String text) {
        if (text.length() < 2 || (text.charAt(0) != 's' && text.charAt(0) != 'y')) {
            throw new UnsupportedOperationException("sed expression [" + text
                    + "]: only s/regex/replacement/flags and y/from/to/ are supported");
        }
        char delimiter = text.charAt(1);
        String[] parts = split(text.substring(2), delimiter);
        if (parts == null) {
            throw new IllegalArgumentException("sed expression [" + text + "] needs three parts separated by "
                    + delimiter + ", as in s/old/new/g");
        }
        if (text.charAt(0) == 'y') {
            if (!parts[2].isEmpty()) {
                throw new IllegalArgumentException("sed expression [" + text + "]: y takes no flags");
            }
            int[] from = unescape(parts[0], delimiter).codePoints().toArray();
            int[] to = unescape(parts[1], delimiter).codePoints().toArray();
            if (from.length != to.length) {
                throw new IllegalArgumentException("sed expression [" + text
                        + "]: y needs two lists of the same length");
            }
            return new SedExpression(null, null, 0, from, to);
        }
        Regexes.Compiled regex;
        try {
            regex = Regexes.compile(parts[0]);
        } catch (PatternSyntaxException e) {
            throw new IllegalArgumentException("sed expression [" + text + "]: invalid regular expression ["
                    + parts[0] + "]: " + e.getDescription());
        }
        int groups = regex.pattern().matcher("").groupCount();
        Matcher reference = GROUP_REFERENCE.matcher(parts[1]);
        while (reference.find()) {
            if (reference.group(1).charAt(0) - '0' > groups) {
                throw new IllegalArgumentException("sed expression [" + text + "]: the replacement refers to group "
                        + reference.group(1) + " but the regular expression has " + groups);
            }
        }
        return new SedExpression(regex, Regexes.replacement(unescape(parts[1], delimiter)),
                occurrence(parts[2], text), null, null);
    }

    /** Splits at the two unescaped delimiters that must follow; null when there are not exactly two. */
    private static String[] split(String rest, char delimiter) {
        String[] parts = new String[3];
        int part = 0;
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < rest.length(); i++) {
            char c = rest.charAt(i);
            if (c == '\\' && i + 1 < rest.length()) {
                sb.append(c).append(rest.charAt(i + 1));
                i++;
            } else if (c == delimiter && part < 2) {
                parts[part++] = sb.toString();
                sb.setLength(0);
            } else {
                sb.append(c);
            }
        }
        if (part < 2) {
            return null;
        }
        parts[2] = sb.toString();
        return parts;
    }

    private static String unescape(String s, char delimiter) {
        return s.replace("\\" + delimiter, String.valueOf(delimiter));
    }

    /** 0 replaces every match ({@code g}); N replaces only the Nth; no flag is 1. */
    private static int occurrence(String flags, String text) {
        if (flags.isEmpty()) {
            return 1;
        }
        if (flags.equals("g")) {
            return 0;
        }
        if (flags.chars().allMatch(c -> c >= '0' && c <= '9') && flags.length() < 10) {
            int n = Integer.parseInt(flags);
            if (n > 0) {
                return n;
            }
        }
        throw new UnsupportedOperationException("sed expression [" + text + "]: flags [" + flags
                + "]; supported are g and a number N for the Nth match");
    }

    /** Returns the text with the expression applied; a match that exceeds the step budget leaves it unchanged. */
    public String apply(String value) {
        if (regex == null) {
            return transliterate(value);
        }
        try {
            Matcher m = Regexes.matcher(regex, value);
            StringBuilder sb = new StringBuilder(value.length());
            int seen = 0;
            while (m.find()) {
                seen++;
                if (occurrence == 0 || seen == occurrence) {
                    m.appendReplacement(sb, replacement);
                    if (occurrence != 0) {
                        break;
                    }
                }
            }
            m.appendTail(sb);
            return sb.toString();
        } catch (Regexes.BudgetExceeded | IndexOutOfBoundsException e) {
            return value;
        }
    }

    private String transliterate(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        value.codePoints().forEach(c -> {
            int mapped = c;
            for (int i = 0; i < from.length; i++) {
                if (from[i] == c) {
                    mapped = to[i];
                    break;
                }
            }
            sb.appendCodePoint(mapped);
        });
        return sb.toString();
    }
}
