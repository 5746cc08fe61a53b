package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;

/** {@code search} and {@code where} after the first command: passes on the rows the predicate accepts. */
public final class FilterOperator implements Operator {
    private final RowPredicate predicate;
    private final Operator next;

    public FilterOperator(RowPredicate predicate, Operator next) {
        this.predicate = predicate;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        if (predicate.test(row)) {
            next.push(row);
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}
