package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.lookup.FieldLookup;

/** {@code lookup}: enriches each row from a lookup table and passes it on; rows are never dropped. */
public final class LookupOperator implements Operator {
    private final FieldLookup lookup;
    private final Operator next;

    public LookupOperator(FieldLookup lookup, Operator next) {
        this.lookup = lookup;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        lookup.apply(row);
        next.push(row);
    }

    @Override
    public void finish() {
        next.finish();
    }
}
