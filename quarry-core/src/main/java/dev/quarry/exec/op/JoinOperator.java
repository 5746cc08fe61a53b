package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;

/**
 * {@code join}: merges each row of the main search with the rows of a subsearch that have the same values in the
 * join fields. The subsearch's rows are complete only when the subsearch finishes, which happens before the main
 * search finishes, so this operator keeps the main rows, at most {@link Limits#rows()}, and joins them when its
 * own input ends. The subsearch's rows stay in the subsearch's {@link Collector}, which has its own limit.
 *
 * <p>Example: main rows {@code {pid=1, a=x}} and {@code {pid=2}}, subsearch rows {@code {pid=1, b=y}},
 * {@code join pid} gives {@code {pid=1, a=x, b=y}}; with {@code type=left} also {@code {pid=2}}.
 */
public final class JoinOperator implements Operator {
    /** Splunk's limit on the subsearch rows a join uses: its join reference and {@code [join] subsearch_maxout}. */
    public static final int SUBSEARCH_LIMIT = 50_000;

    /** {@code type=inner} drops main rows without a match; {@code left} (also written {@code outer}) keeps them. */
    public enum Type { INNER, LEFT }

    /**
     * Limits matches by time ({@code usetime=true}): subsearch rows from the same second or earlier, or later. NOTE:
     * these rules are Splunk's as recalled; the reference pages consulted did not show them.
     */
    public enum TimeLimit { NONE, EARLIER, LATER }

    /**
     * The options of a join. {@code fields} empty means the fields common to both result sets; {@code max} 0 means
     * every match; {@code subsearchLimit} is how many subsearch rows count, the first ones in their order.
     */
    public record Spec(Type type, List<String> fields, int max, boolean overwrite, TimeLimit time,
            int subsearchLimit) {
        public Spec {
            fields = List.copyOf(fields);
            if (max < 0 || subsearchLimit < 0) {
                throw new IllegalArgumentException("max and subsearchLimit must not be negative");
            }
        }
    }

    private final Spec spec;
    private final Supplier<List<Row>> subsearch;
    private final HeldRows mainRows;
    private final Operator next;

    public JoinOperator(Spec spec, Supplier<List<Row>> subsearch, Limits limits, Operator next) {
        this.spec = spec;
        this.subsearch = subsearch;
        this.mainRows = new HeldRows("join", "of the main search until its subsearch finishes", limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        mainRows.add(row);
    }

    @Override
    public long held() {
        return mainRows.size();
    }

    @Override
    public void finish() {
        List<Row> right = subsearch.get();
        if (right.size() > spec.subsearchLimit()) {
            right = right.subList(0, spec.subsearchLimit());
        }
        List<String> keys = spec.fields().isEmpty() ? commonFields(mainRows.rows(), right) : spec.fields();
        Map<List<String>, List<Row>> index = new HashMap<>();
        if (!keys.isEmpty()) {
            for (Row r : right) {
                List<String> key = key(r, keys);
                if (key != null) {
                    index.computeIfAbsent(key, k -> new ArrayList<>()).add(r);
                }
            }
        }
        for (Row main : mainRows.rows()) {
            List<String> key = keys.isEmpty() ? null : key(main, keys);
            List<Row> matches = matches(main, key == null ? null : index.get(key));
            if (matches.isEmpty()) {
                if (spec.type() == Type.LEFT) {
                    next.push(main);
                }
                continue;
            }
            for (int i = 0; i < matches.size(); i++) {
                Row out = i == matches.size() - 1 ? main : new Row(main);
                merge(out, matches.get(i));
                next.push(out);
            }
        }
        mainRows.clear();
        next.finish();
    }

    private List<Row> matches(Row main, List<Row> candidates) {
        if (candidates == null) {
            return List.of();
        }
        List<Row> out = new ArrayList<>();
        for (Row c : candidates) {
            if (spec.max() > 0 && out.size() >= spec.max()) {
                break;
            }
            if (inTime(main, c)) {
                out.add(c);
            }
        }
        return out;
    }

    /** Compares whole seconds, so rows of the same second pass either limit, as Splunk documents. */
    private boolean inTime(Row main, Row sub) {
        if (spec.time() == TimeLimit.NONE) {
            return true;
        }
        Double m = Values.toNumber(main.get("_time"));
        Double s = Values.toNumber(sub.get("_time"));
        if (m == null || s == null) {
            return false;
        }
        double ms = Math.floor(m);
        double ss = Math.floor(s);
        return spec.time() == TimeLimit.EARLIER ? ss <= ms : ss >= ms;
    }

    private void merge(Row out, Row sub) {
        for (Map.Entry<String, Value> e : sub.asMap().entrySet()) {
            if (spec.overwrite() || !out.has(e.getKey())) {
                out.put(e.getKey(), e.getValue());
            }
        }
    }

    /**
     * Returns the values of the join fields as text, which the join compares exactly (case-sensitively), or null
     * when a field is absent, so that such a row matches nothing. A multivalue key matches only the same values in
     * the same order.
     */
    private static List<String> key(Row row, List<String> fields) {
        List<String> key = new ArrayList<>(fields.size());
        for (String f : fields) {
            Value v = row.get(f);
            if (v == null) {
                return null;
            }
            key.add(v.text());
        }
        return key;
    }

    /** The fields that some main row and some subsearch row have, in the order the main rows first show them. */
    static List<String> commonFields(List<Row> main, List<Row> sub) {
        Set<String> right = new LinkedHashSet<>();
        for (Row r : sub) {
            right.addAll(r.names());
        }
        Set<String> common = new LinkedHashSet<>();
        for (Row r : main) {
            for (String name : r.names()) {
                if (right.contains(name)) {
                    common.add(name);
                }
            }
        }
        return List.copyOf(common);
    }
}
