package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code foreach}: for each field of a row whose name matches one of the patterns, runs the row through the
 * template's commands written for that field ({@code <<FIELD>>} replaced by its name, and so on). The template's
 * operators are built once per distinct match and reused; they must pass on each row they receive as it is (eval).
 *
 * <p>Fields are visited pattern by pattern, and for each pattern in code point order of their names, each field
 * once; the names are taken from the row before the template runs, so fields the template creates are not visited.
 * A {@code *} pattern does not match internal fields (names starting with {@code _}) unless the pattern itself
 * starts with {@code _}.
 *
 * <p>State: no rows, since the template's eval operators keep none. The operators built for at most
 * {@link #CACHED_TEMPLATES} distinct matches are kept and counted by {@link #held()}.
 */
public final class ForeachOperator implements Operator {
    /** At most this many distinct matches keep their operators; further ones are built for each row. */
    static final int CACHED_TEMPLATES = 10_000;

    /** A field that a pattern matched: its name, the part the wildcards matched, and each wildcard's part. */
    public record FieldMatch(String field, String matchString, List<String> segments) {
        public FieldMatch {
            segments = List.copyOf(segments);
        }
    }

    /** A field-name pattern with {@code *} wildcards, matched case-sensitively against the whole name. */
    public static final class FieldPattern {
        private final String text;
        private final Pattern regex;
        private final int wildcards;

        private FieldPattern(String text) {
            this.text = text;
            StringBuilder sb = new StringBuilder();
            int start = 0;
            int count = 0;
            for (int i = 0; i < text.length(); i++) {
                if (text.charAt(i) == '*') {
                    sb.append(Pattern.quote(text.substring(start, i))).append("(.*)");
                    start = i + 1;
                    count++;
                }
            }
            sb.append(Pattern.quote(text.substring(start)));
            this.regex = Pattern.compile(sb.toString(), Pattern.DOTALL);
            this.wildcards = count;
        }

        public static FieldPattern compile(String text) {
            return new FieldPattern(text);
        }

        public String text() {
            return text;
        }

        /** Returns the match for a field name, or null when the pattern does not match it. */
        public FieldMatch match(String name) {
            if (name.startsWith("_") && !text.startsWith("_") && wildcards > 0) {
                return null;
            }
            Matcher m = regex.matcher(name);
            if (!m.matches()) {
                return null;
            }
            List<String> segments = new ArrayList<>(wildcards);
            for (int g = 1; g <= wildcards; g++) {
                segments.add(m.group(g));
            }
            String matchString = wildcards == 0 ? "" : name.substring(m.start(1), m.end(wildcards));
            return new FieldMatch(name, matchString, segments);
        }
    }

    /** Receives the row the template's operators pass on. */
    private static final class Capture implements Operator {
        private final List<Row> rows = new ArrayList<>(1);

        @Override
        public void push(Row row) {
            rows.add(row);
        }

        @Override
        public void finish() {
        }
    }

    private final List<FieldPattern> patterns;
    private final Function<FieldMatch, Function<Operator, Operator>> template;
    private final Operator next;
    private final Capture capture = new Capture();
    private final Map<FieldMatch, Operator> built = new HashMap<>();

    /**
     * {@code template} gives, for a match, a builder of the template's operators in front of a given operator.
     */
    public ForeachOperator(List<FieldPattern> patterns, Function<FieldMatch, Function<Operator, Operator>> template,
            Operator next) {
        this.patterns = List.copyOf(patterns);
        this.template = template;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        List<String> names = row.nameList();
        names.sort(Values::compareText);
        Set<String> visited = new HashSet<>();
        Row current = row;
        for (FieldPattern p : patterns) {
            for (String name : names) {
                if (visited.contains(name)) {
                    continue;
                }
                FieldMatch match = p.match(name);
                if (match == null) {
                    continue;
                }
                visited.add(name);
                current = apply(match, current);
                if (current == null) {
                    return;
                }
            }
        }
        next.push(current);
    }

    /** Runs the row through the template for one match; null when the template dropped it. */
    private Row apply(FieldMatch match, Row row) {
        Operator head = built.get(match);
        if (head == null) {
            head = template.apply(match).apply(capture);
            if (built.size() < CACHED_TEMPLATES) {
                built.put(match, head);
            }
        }
        capture.rows.clear();
        head.push(row);
        if (capture.rows.isEmpty()) {
            return null;
        }
        Row out = capture.rows.get(capture.rows.size() - 1);
        capture.rows.clear();
        return out;
    }

    @Override
    public long held() {
        return built.size();
    }

    @Override
    public void finish() {
        next.finish();
    }
}
