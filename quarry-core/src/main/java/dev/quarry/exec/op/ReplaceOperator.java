package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code replace} command: replaces whole field values that match a pattern, case-sensitively, where
 * {@code *} matches any text; each {@code *} in the replacement takes the text that the {@code *} at the same
 * place in the pattern matched. When several clauses match a value, the last clause without a wildcard wins,
 * else the wildcard clause with the most literal characters, else the first of those. Without a field list
 * every field of the row is rewritten; each value of a multivalue field on its own.
 */
public final class ReplaceOperator implements Operator {
    /** One {@code pattern with replacement} clause. */
    public static final class Clause {
        private final String pattern;
        private final String replacement;
        private final Pattern regex;
        private final int literalLength;

        /** Throws {@link IllegalArgumentException} when the replacement has more wildcards than the pattern. */
        public Clause(String pattern, String replacement) {
            if (stars(replacement) > stars(pattern)) {
                throw new IllegalArgumentException("replace " + pattern + " with " + replacement
                        + ": the replacement has more * than the pattern");
            }
            this.pattern = pattern;
            this.replacement = replacement;
            this.regex = stars(pattern) == 0 ? null : Pattern.compile(globToRegex(pattern), Pattern.DOTALL);
            this.literalLength = pattern.length() - (int) stars(pattern);
        }

        boolean wildcard() {
            return regex != null;
        }

        /** Returns the replaced value, or null when the clause does not match the value. */
        String apply(String value) {
            if (regex == null) {
                return value.equals(pattern) ? replacement : null;
            }
            Matcher m = regex.matcher(value);
            if (!m.matches()) {
                return null;
            }
            StringBuilder sb = new StringBuilder();
            int group = 1;
            for (char c : replacement.toCharArray()) {
                if (c == '*') {
                    sb.append(m.group(group++));
                } else {
                    sb.append(c);
                }
            }
            return sb.toString();
        }

        private static long stars(String s) {
            return s.chars().filter(c -> c == '*').count();
        }

        private static String globToRegex(String glob) {
            StringBuilder sb = new StringBuilder();
            int start = 0;
            for (int i = 0; i < glob.length(); i++) {
                if (glob.charAt(i) == '*') {
                    sb.append(Pattern.quote(glob.substring(start, i))).append("(.*?)");
                    start = i + 1;
                }
            }
            return sb.append(Pattern.quote(glob.substring(start))).toString();
        }
    }

    private final List<Clause> clauses;
    private final List<String> fields;
    private final Operator next;

    /** Creates the operator. An empty {@code fields} list stands for every field, and names may contain {@code *}. */
    public ReplaceOperator(List<Clause> clauses, List<String> fields, Operator next) {
        this.clauses = List.copyOf(clauses);
        this.fields = List.copyOf(fields);
        this.next = next;
    }

    @Override
    public void push(Row row) {
        for (String name : row.nameList()) {
            if (!selected(name)) {
                continue;
            }
            List<Value> values = Value.list(row.get(name));
            List<Value> out = new ArrayList<>(values.size());
            boolean changed = false;
            for (Value one : values) {
                String replaced = replace(one.text());
                changed |= replaced != null;
                out.add(replaced == null ? one : Value.str(replaced));
            }
            if (changed) {
                row.put(name, Value.ofValues(out));
            }
        }
        next.push(row);
    }

    private String replace(String value) {
        String exact = null;
        String wildcard = null;
        int wildcardLength = -1;
        for (Clause c : clauses) {
            String r = c.apply(value);
            if (r == null) {
                continue;
            }
            if (!c.wildcard()) {
                exact = r;
            } else if (c.literalLength > wildcardLength) {
                wildcard = r;
                wildcardLength = c.literalLength;
            }
        }
        return exact != null ? exact : wildcard;
    }

    private boolean selected(String name) {
        if (fields.isEmpty()) {
            return true;
        }
        for (String f : fields) {
            if (f.indexOf('*') < 0 ? f.equals(name) : name.matches(Clause.globToRegex(f))) {
                return true;
            }
        }
        return false;
    }

    @Override
    public void finish() {
        next.finish();
    }
}
