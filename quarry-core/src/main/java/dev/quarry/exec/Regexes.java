package dev.quarry.exec;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Regular expressions written for Splunk (PCRE) run on {@link java.util.regex}. The translation covers what
 * detection content uses: {@code (?P<name>...)} named groups, group names with underscores (Java allows only
 * letters and digits, so groups are renamed and the original names kept), {@code (?'name'...)} groups and named
 * back-references, POSIX classes such as {@code [:alpha:]}, braces that PCRE reads as literal text ({@code %{}),
 * {@code [} and {@code &} inside a character class, which Java would read as a nested class or an intersection,
 * and {@code \1} back-references in replacement text. As in PCRE, only {@code \n} ends a line for {@code .},
 * {@code ^} and {@code $} (Java's UNIX_LINES mode), so {@code .} matches a carriage return.
 *
 * <p>Every match runs under a step budget ({@link #MAX_STEPS} character reads), so a pattern with
 * catastrophic backtracking fails that one match with {@link BudgetExceeded} instead of stalling the run.
 */
public final class Regexes {
    /** Character reads allowed per match attempt; generous for real logs, small enough to stop runaway patterns. */
    public static final long MAX_STEPS = 5_000_000L;

    private static final Map<String, Compiled> CACHE = Collections.synchronizedMap(new LinkedHashMap<>(256, 0.75f, true) {
        private static final long serialVersionUID = 1L;

        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Compiled> eldest) {
            return size() > 1024;
        }
    });

    /** A PCRE quantifier in braces: {@code {n}}, {@code {n,}} or {@code {n,m}}. */
    private static final Pattern QUANTIFIER = Pattern.compile("\\{\\d+(?:,\\d*)?}");

    private Regexes() {
    }

    /** A translated pattern and the Splunk names of its named groups, in group order. */
    /**
     * A translated pattern, the Splunk names of its named groups in group order, and the literals its matches
     * contain ({@link RegexLiterals}), or null when none are known.
     */
    public record Compiled(Pattern pattern, List<String> groupNames, List<String> javaGroupNames,
            RegexLiterals.Condition literals) {
    }

    /** Thrown when one match attempt reads more than {@link #MAX_STEPS} characters. */
    public static final class BudgetExceeded extends RuntimeException {
        private static final long serialVersionUID = 1L;

        BudgetExceeded(String pattern) {
            super("regular expression [" + pattern + "] exceeded its step budget of " + MAX_STEPS
                    + " on one value; the match is treated as failed");
        }
    }

    /** Compiles a PCRE-style pattern; throws {@link PatternSyntaxException} for an invalid one. */
    public static Compiled compile(String pcre) {
        Compiled cached = CACHE.get(pcre);
        if (cached != null) {
            return cached;
        }
        List<String> names = new ArrayList<>();
        List<String> javaNames = new ArrayList<>();
        String translated = translate(pcre, names, javaNames);
        Pattern pattern = Pattern.compile(translated, Pattern.UNIX_LINES);
        Compiled c = new Compiled(pattern, List.copyOf(names), List.copyOf(javaNames), RegexLiterals.of(translated));
        CACHE.put(pcre, c);
        return c;
    }

    private static String translate(String p, List<String> names, List<String> javaNames) {
        StringBuilder sb = new StringBuilder(p.length() + 16);
        int i = 0;
        boolean inClass = false;
        while (i < p.length()) {
            char c = p.charAt(i);
            if (c == '\\' && i + 1 < p.length()) {
                int end = namedBackReferenceEnd(p, i);
                if (end > 0 && !inClass) {
                    sb.append(backReference(p.substring(i + 3, end - 1), names, javaNames));
                    i = end;
                    continue;
                }
                char escaped = p.charAt(i + 1);
                int braceEnd = p.indexOf('}', i + 2);
                if ("xpPNo".indexOf(escaped) >= 0 && i + 2 < p.length() && p.charAt(i + 2) == '{' && braceEnd > 0) {
                    // \x{202E}, \p{L}: the braces belong to the escape.
                    sb.append(p, i, braceEnd + 1);
                    i = braceEnd + 1;
                    continue;
                }
                if (escaped == 'Q') {
                    // \Q...\E quotes its text, braces included, in both dialects.
                    int quoteEnd = p.indexOf("\\E", i + 2);
                    int stop = quoteEnd < 0 ? p.length() : quoteEnd + 2;
                    sb.append(p, i, stop);
                    i = stop;
                    continue;
                }
                sb.append(c).append(escaped);
                i += 2;
                continue;
            }
            if (inClass) {
                if (c == '[' && p.startsWith("[:", i)) {
                    int end = p.indexOf(":]", i + 2);
                    if (end > 0) {
                        sb.append(posixClass(p.substring(i + 2, end)));
                        i = end + 2;
                        continue;
                    }
                }
                if (c == ']') {
                    inClass = false;
                    sb.append(c);
                } else if (c == '[' || c == '&') {
                    // Both are literal in PCRE, but Java reads '[' as a nested class and '&&' as an intersection.
                    sb.append('\\').append(c);
                } else {
                    sb.append(c);
                }
                i++;
                continue;
            }
            if (c == '[') {
                inClass = true;
                sb.append(c);
                i++;
                if (i < p.length() && p.charAt(i) == '^') {
                    sb.append('^');
                    i++;
                }
                if (i < p.length() && p.charAt(i) == ']') {
                    sb.append("\\]");
                    i++;
                }
                continue;
            }
            if (c == '{' && !QUANTIFIER.matcher(p).region(i, p.length()).lookingAt()) {
                // PCRE reads a brace that does not start {n}, {n,} or {n,m} as a literal, which Java rejects.
                sb.append("\\{");
                i++;
                continue;
            }
            if (c == '(' && p.startsWith("(?P=", i)) {
                int end = p.indexOf(')', i);
                if (end > 0) {
                    sb.append(backReference(p.substring(i + 4, end), names, javaNames));
                    i = end + 1;
                    continue;
                }
            }
            int nameStart = namedGroupNameStart(p, i);
            if (nameStart > 0) {
                char close = p.charAt(nameStart - 1) == '\'' ? '\'' : '>';
                int nameEnd = p.indexOf(close, nameStart);
                if (nameEnd > nameStart) {
                    String name = p.substring(nameStart, nameEnd);
                    String javaName = "g" + names.size() + "x" + sanitize(name);
                    names.add(name);
                    javaNames.add(javaName);
                    sb.append("(?<").append(javaName).append('>');
                    i = nameEnd + 1;
                    continue;
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }

    /**
     * Returns where the name of a named group starts when {@code (?<name>}, {@code (?P<name>} or
     * {@code (?'name'} begins at {@code i}, else -1. The lookbehinds {@code (?<=} and {@code (?<!} are not groups.
     */
    private static int namedGroupNameStart(String p, int i) {
        if (p.startsWith("(?P<", i)) {
            return i + 4;
        }
        if (p.startsWith("(?'", i)) {
            return i + 3;
        }
        if (p.startsWith("(?<", i) && i + 3 < p.length() && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!') {
            return i + 3;
        }
        return -1;
    }

    /** Returns the end of {@code \k<name>}, {@code \k'name'} or {@code \k{name}} starting at {@code i}, else -1. */
    private static int namedBackReferenceEnd(String p, int i) {
        if (i + 3 >= p.length() || p.charAt(i + 1) != 'k') {
            return -1;
        }
        char open = p.charAt(i + 2);
        char close = switch (open) {
            case '<' -> '>';
            case '\'' -> '\'';
            case '{' -> '}';
            default -> 0;
        };
        if (close == 0) {
            return -1;
        }
        int end = p.indexOf(close, i + 3);
        return end > i + 3 ? end + 1 : -1;
    }

    /** Builds a back-reference to the last group defined so far with the Splunk name {@code name}. */
    private static String backReference(String name, List<String> names, List<String> javaNames) {
        int index = names.lastIndexOf(name);
        if (index < 0) {
            throw new PatternSyntaxException("reference to a group that is not defined before it: " + name,
                    name, -1);
        }
        return "\\k<" + javaNames.get(index) + ">";
    }

    private static String sanitize(String name) {
        StringBuilder sb = new StringBuilder();
        for (char ch : name.toCharArray()) {
            if ((ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || (ch >= '0' && ch <= '9')) {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    private static String posixClass(String name) {
        return switch (name) {
            case "alpha" -> "\\p{Alpha}";
            case "digit" -> "\\p{Digit}";
            case "alnum" -> "\\p{Alnum}";
            case "upper" -> "\\p{Upper}";
            case "lower" -> "\\p{Lower}";
            case "space" -> "\\s";
            case "punct" -> "\\p{Punct}";
            case "xdigit" -> "\\p{XDigit}";
            case "word" -> "\\w";
            case "print" -> "\\p{Print}";
            case "graph" -> "\\p{Graph}";
            case "cntrl" -> "\\p{Cntrl}";
            case "blank" -> " \\t";
            default -> "[:" + name + ":]";
        };
    }

    /** Returns a matcher over {@code text} that counts character reads against the step budget. */
    public static Matcher matcher(Compiled compiled, String text) {
        return compiled.pattern().matcher(new BudgetedText(text, compiled.pattern().pattern()));
    }

    /** True when the pattern matches anywhere in the text (PCRE semantics are unanchored). */
    public static boolean find(Compiled compiled, String text) {
        if (compiled.literals() != null && !compiled.literals().mayMatch(text)) {
            return false;
        }
        return matcher(compiled, text).find();
    }

    /**
     * Converts PCRE replacement text to Java's: {@code \1}..{@code \9} become group references and a literal
     * {@code $} is escaped.
     */
    public static String replacement(String pcre) {
        StringBuilder sb = new StringBuilder(pcre.length() + 8);
        for (int i = 0; i < pcre.length(); i++) {
            char c = pcre.charAt(i);
            if (c == '\\' && i + 1 < pcre.length() && Character.isDigit(pcre.charAt(i + 1))) {
                sb.append('$').append(pcre.charAt(i + 1));
                i++;
            } else if (c == '\\' && i + 1 < pcre.length()) {
                sb.append("\\\\");
                if (pcre.charAt(i + 1) == '\\') {
                    i++;
                }
            } else if (c == '$') {
                sb.append("\\$");
            } else if (c == '\\') {
                sb.append("\\\\");
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    /** Text whose reads are counted, to bound the work of one match. */
    private static final class BudgetedText implements CharSequence {
        private final String text;
        private final String pattern;
        private final long[] steps;

        BudgetedText(String text, String pattern) {
            this(text, pattern, new long[1]);
        }

        private BudgetedText(String text, String pattern, long[] steps) {
            this.text = text;
            this.pattern = pattern;
            this.steps = steps;
        }

        @Override
        public int length() {
            return text.length();
        }

        @Override
        public char charAt(int index) {
            if (++steps[0] > MAX_STEPS) {
                throw new BudgetExceeded(pattern);
            }
            return text.charAt(index);
        }

        @Override
        public CharSequence subSequence(int start, int end) {
            return new BudgetedText(text.substring(start, end), pattern, steps);
        }

        @Override
        public String toString() {
            return text;
        }
    }
}
