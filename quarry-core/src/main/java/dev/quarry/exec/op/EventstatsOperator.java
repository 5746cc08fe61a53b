package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code eventstats}: computes the statistics of {@code stats} over all rows and adds the results of each row's
 * group to the row, so it keeps every row until the input ends and passes them on in the order they came.
 *
 * <p>A row whose group-by field is absent joins no group and passes unchanged. A multivalue group-by field puts
 * the row into one group per value, as {@code stats} does, and the row receives the results of the group of its
 * first values. A result that is null removes the field of that name from the row.
 *
 * <p>State: every row, at most {@link Limits#rows()}, and the groups, at most {@link Limits#groups()}.
 */
public final class EventstatsOperator implements Operator {
    private final List<GroupedAggregation.GroupField> groupBy;
    private final List<GroupedAggregation.Function> functions;
    private final GroupedAggregation state;
    private final Operator next;
    private final HeldRows pending;

    public EventstatsOperator(List<GroupedAggregation.GroupField> groupBy, List<GroupedAggregation.Function> functions,
            Limits limits, Operator next) {
        this.groupBy = List.copyOf(groupBy);
        this.functions = List.copyOf(functions);
        this.state = new GroupedAggregation("eventstats", groupBy, functions, null, limits.groups());
        this.pending = new HeldRows("eventstats", "until its input ends", limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        pending.add(row);
        state.add(row);
    }

    @Override
    public long held() {
        return pending.size() + state.groupCount();
    }

    @Override
    public void finish() {
        Map<List<String>, Row> results = new HashMap<>();
        for (Row result : state.results()) {
            List<String> key = new ArrayList<>(groupBy.size());
            for (GroupedAggregation.GroupField g : groupBy) {
                key.add(result.get(g.outputName()).text());
            }
            results.put(key, result);
        }
        for (Row row : pending.rows()) {
            Row result = results.get(key(row));
            if (result != null) {
                for (GroupedAggregation.Function f : functions) {
                    row.put(f.outputName(), result.get(f.outputName()));
                }
            }
            next.push(row);
        }
        pending.clear();
        next.finish();
    }

    /** Returns the texts of the row's first group-by values, or null when one is absent. */
    private List<String> key(Row row) {
        List<String> key = new ArrayList<>(groupBy.size());
        for (GroupedAggregation.GroupField g : groupBy) {
            List<Value> values = Value.list(row.get(g.sourceField()));
            if (values.isEmpty()) {
                return null;
            }
            key.add(values.get(0).text());
        }
        return key;
    }
}
