package dev.quarry.exec.op;

import dev.quarry.exec.Row;

/**
 * {@code stats} and {@code tstats}: feeds every row into the group state and emits one row per group when the
 * input ends. It keeps no rows, only the groups of its {@link GroupedAggregation}, which bounds their number.
 */
public final class AggregateOperator implements Operator {
    private final GroupedAggregation state;
    private final Operator next;

    public AggregateOperator(GroupedAggregation state, Operator next) {
        this.state = state;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        state.add(row);
    }

    /** Adds a row without taking ownership, for sources that share one record among several pipelines. */
    public void pushShared(dev.quarry.exec.FieldSource record) {
        state.add(record);
    }

    public GroupedAggregation state() {
        return state;
    }

    @Override
    public long held() {
        return state.groupCount();
    }

    @Override
    public void finish() {
        for (Row row : state.results()) {
            next.push(row);
        }
        next.finish();
    }
}
