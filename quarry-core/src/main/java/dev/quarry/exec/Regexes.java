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
 * letters and digits, so groups are renamed and the original names kept), POSIX classes such as
 * {@code [:alpha:]}, and {@code \1} back-references in replacement text.
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

    private Regexes() {
    }

    /** A translated pattern and the Splunk names of its named groups, in group order. */
    public record Compiled(Pattern pattern, List<String> groupNames, List<String> javaGroupNames) {
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
        Compiled c = new Compiled(Pattern.compile(translated), List.copyOf(names), List.copyOf(javaNames));
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
                sb.append(c).append(p.charAt(i + 1));
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
                }
                sb.append(c);
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
            if (c == '(' && (p.startsWith("(?P<", i) || (p.startsWith("(?<", i) && i + 3 < p.length()
                    && p.charAt(i + 3) != '=' && p.charAt(i + 3) != '!'))) {
                int nameStart = p.startsWith("(?P<", i) ? i + 4 : i + 3;
                int nameEnd = p.indexOf('>', nameStart);
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
