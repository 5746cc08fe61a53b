package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.List;

/**
 * {@code mvexpand}: one row per value of the field, at most {@code limit} values (0 for all), each a copy of
 * the row with the field set to that one value. A row without the field is dropped.
 */
public final class MvexpandOperator implements Operator {
    private final String field;
    private final int limit;
    private final Operator next;

    public MvexpandOperator(String field, int limit, Operator next) {
        this.field = field;
        this.limit = limit;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        List<Value> values = Value.list(row.get(field));
        int n = limit > 0 ? Math.min(limit, values.size()) : values.size();
        for (int i = 0; i < n; i++) {
            Row out = i == n - 1 ? row : new Row(row);
            out.put(field, values.get(i));
            next.push(out);
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}
