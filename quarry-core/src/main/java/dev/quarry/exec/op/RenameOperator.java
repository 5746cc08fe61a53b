package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code rename}. A plain rename moves the value; when the source field is absent the destination is removed,
 * as Splunk documents ("can cause loss of data"). A wildcard rename ({@code Processes.* as *}) renames every
 * field whose name matches the pattern, case-sensitively, carrying what each {@code *} matched into the new name.
 */
public final class RenameOperator implements Operator {
    /** One clause; {@code pattern} is null for a plain rename. */
    public record Clause(String from, String to, Pattern pattern) {
        public static Clause of(String from, String to) {
            if (from.indexOf('*') < 0) {
                return new Clause(from, to, null);
            }
            StringBuilder regex = new StringBuilder();
            int start = 0;
            for (int i = 0; i < from.length(); i++) {
                if (from.charAt(i) == '*') {
                    regex.append(Pattern.quote(from.substring(start, i))).append("(.*)");
                    start = i + 1;
                }
            }
            regex.append(Pattern.quote(from.substring(start)));
            return new Clause(from, to, Pattern.compile(regex.toString(), Pattern.DOTALL));
        }
    }

    private final List<Clause> clauses;
    private final Operator next;

    public RenameOperator(List<Clause> clauses, Operator next) {
        this.clauses = List.copyOf(clauses);
        this.next = next;
    }

    @Override
    public void push(Row row) {
        for (Clause c : clauses) {
            if (c.pattern() == null) {
                if (c.from().equals(c.to())) {
                    continue;
                }
                if (row.has(c.from())) {
                    row.renameAll(Map.of(c.from(), c.to()));
                } else {
                    row.remove(c.to());
                }
                continue;
            }
            Map<String, String> renames = new LinkedHashMap<>();
            for (String name : row.names()) {
                Matcher m = c.pattern().matcher(name);
                if (m.matches()) {
                    renames.put(name, substitute(c.to(), m));
                }
            }
            row.renameAll(renames);
        }
        next.push(row);
    }

    private static String substitute(String to, Matcher m) {
        StringBuilder sb = new StringBuilder();
        int group = 1;
        for (int i = 0; i < to.length(); i++) {
            char ch = to.charAt(i);
            if (ch == '*' && group <= m.groupCount()) {
                sb.append(m.group(group++));
            } else {
                sb.append(ch);
            }
        }
        return sb.toString();
    }

    @Override
    public void finish() {
        next.finish();
    }
}
