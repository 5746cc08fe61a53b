package dev.quarry.exec.op;

import dev.quarry.exec.Evaluator;
import dev.quarry.exec.FieldSource;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import dev.quarry.exec.agg.Aggregator;
import dev.quarry.exec.agg.OrderedAggregator;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The grouping and aggregation state shared by {@code stats} and {@code tstats}: one set of aggregators per
 * distinct combination of group-by values.
 *
 * <p>Rules: a row whose group-by field is absent joins no group, unless a fill value is set ({@code tstats
 * fillnull_value=...}), which then stands in for the missing value. A multivalue group-by field puts the row in one
 * group per value. {@code _time} with a span is floored to the start of its bucket, aligned to the epoch (UTC).
 * Functions whose result depends on row order ({@link OrderedAggregator}) also get each row's raw event time,
 * so that they see raw events newest first, as Splunk returns them.
 *
 * <p>State: one set of aggregators per group, at most {@link Limits#groups()} groups. A row that would start one
 * group more raises a {@link RowLimitException}. NOTE: the values that {@code values}, {@code dc}, {@code mode},
 * {@code median} and {@code percN} keep within a group are neither counted nor limited.
 */
public final class GroupedAggregation implements Serializable {
    private static final long serialVersionUID = 1L;

    /** One statistical function: its output name, how to read its argument, and a fresh state supplier. */
    public record Function(String outputName, ArgumentReader argument, Supplier<Aggregator> state) {
    }

    /** Reads a function's argument from a row: a field, or an eval expression. */
    @FunctionalInterface
    public interface ArgumentReader extends Serializable {
        Value read(FieldSource row);

        static ArgumentReader field(String name) {
            return row -> row.get(name);
        }

        static ArgumentReader expression(Evaluator e) {
            return e::eval;
        }

        /** For {@code count} without a field: every row counts, so any non-null marker will do. */
        ArgumentReader NONE = row -> null;
    }

    /** One group-by field: the output name, the field read, and the time span in seconds (0 for none). */
    public record GroupField(String outputName, String sourceField, double spanSeconds) {
    }

    private final List<GroupField> groupBy;
    private final List<Function> functions;
    private final String fillValue;
    private final StateLimit groupLimit;
    private final transient Map<List<String>, Aggregator[]> groups = new HashMap<>();
    private final transient Map<List<String>, List<Value>> groupValues = new HashMap<>();

    /**
     * Creates empty state for {@code command} ({@code stats}, {@code tstats} or {@code eventstats}, for the
     * message past the limit) with at most {@code maxGroups} groups.
     */
    public GroupedAggregation(String command, List<GroupField> groupBy, List<Function> functions, String fillValue,
            int maxGroups) {
        this.groupBy = List.copyOf(groupBy);
        this.functions = List.copyOf(functions);
        this.fillValue = fillValue;
        this.groupLimit = StateLimit.groups(command, "groups", maxGroups);
    }

    /** Adds one row to every group it belongs to. */
    public void add(FieldSource row) {
        double time = timeOf(row);
        List<List<Value>> keyParts = new ArrayList<>(groupBy.size());
        for (GroupField g : groupBy) {
            Value v = row.get(g.sourceField());
            if (v == null) {
                if (fillValue == null) {
                    return;
                }
                v = Value.str(fillValue);
            }
            if (g.spanSeconds() > 0) {
                Double t = Values.toNumber(v);
                if (t == null) {
                    return;
                }
                v = Value.num(Math.floor(t / g.spanSeconds()) * g.spanSeconds());
            }
            keyParts.add(Value.list(v));
        }
        Value[] arguments = new Value[functions.size()];
        for (int i = 0; i < functions.size(); i++) {
            arguments[i] = functions.get(i).argument().read(row);
        }
        Double rawEventTime = row instanceof Row r ? r.rawEventTime() : null;
        addToGroups(keyParts, 0, new Value[groupBy.size()], arguments, time, rawEventTime);
    }

    private void addToGroups(List<List<Value>> parts, int index, Value[] chosen, Value[] arguments, double time,
            Double rawEventTime) {
        if (index == parts.size()) {
            List<String> key = new ArrayList<>(chosen.length);
            for (Value v : chosen) {
                key.add(v.text());
            }
            Aggregator[] state = groups.get(key);
            if (state == null) {
                groupLimit.check(groups.size() + 1L);
                state = new Aggregator[functions.size()];
                for (int i = 0; i < state.length; i++) {
                    state[i] = functions.get(i).state().get();
                }
                groups.put(key, state);
                groupValues.put(key, List.copyOf(Arrays.asList(chosen.clone())));
            }
            for (int i = 0; i < state.length; i++) {
                if (state[i] instanceof OrderedAggregator ordered) {
                    ordered.add(arguments[i], time, rawEventTime);
                } else {
                    state[i].add(arguments[i], time);
                }
            }
            return;
        }
        List<Value> seen = new ArrayList<>();
        for (Value v : parts.get(index)) {
            boolean duplicate = false;
            for (Value s : seen) {
                if (s.text().equals(v.text())) {
                    duplicate = true;
                    break;
                }
            }
            if (duplicate) {
                continue;
            }
            seen.add(v);
            chosen[index] = v;
            addToGroups(parts, index + 1, chosen, arguments, time, rawEventTime);
        }
    }

    private static double timeOf(FieldSource row) {
        Double t = Values.toNumber(row.get("_time"));
        return t == null ? 0 : t;
    }

    /** Number of groups held, for the memory report of a run. */
    public int groupCount() {
        return groups.size();
    }

    /**
     * Returns one row per group, ordered by the group-by values ascending (numerically for time buckets, else as
     * strings), with the group-by fields first, as text, and then the functions' results. Without group-by fields and
     * without input, returns the single row Splunk returns: {@code count} 0 and other functions empty.
     */
    public List<Row> results() {
        List<List<String>> keys = new ArrayList<>(groups.keySet());
        keys.sort((a, b) -> compareKeys(groupValues.get(a), groupValues.get(b)));
        List<Row> rows = new ArrayList<>(keys.size());
        for (List<String> key : keys) {
            Row row = new Row();
            List<Value> values = groupValues.get(key);
            for (int i = 0; i < groupBy.size(); i++) {
                Value v = values.get(i);
                row.put(groupBy.get(i).outputName(), groupBy.get(i).spanSeconds() > 0 ? v : Value.str(v.text()));
            }
            Aggregator[] state = groups.get(key);
            for (int i = 0; i < state.length; i++) {
                row.put(functions.get(i).outputName(), state[i].result());
            }
            rows.add(row);
        }
        if (rows.isEmpty() && groupBy.isEmpty()) {
            Row row = new Row();
            for (Function f : functions) {
                row.put(f.outputName(), f.state().get().result() instanceof Value.Num n && n.value() == 0
                        ? n : null);
            }
            rows.add(row);
        }
        return rows;
    }

    private static int compareKeys(List<Value> a, List<Value> b) {
        for (int i = 0; i < a.size(); i++) {
            Value x = a.get(i);
            Value y = b.get(i);
            int c = x instanceof Value.Num && y instanceof Value.Num ? Values.compare(x, y)
                    : Values.compareText(x.text(), y.text());
            if (c != 0) {
                return c;
            }
        }
        return 0;
    }
}
