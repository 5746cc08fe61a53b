package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.List;
import java.util.function.Supplier;

/**
 * Passes its input on, then, when the input ends, the rows of {@code rows} (as {@code inputlookup append=t} adds
 * a table's rows after the current results). The supplier is called once per run and must return new rows. It
 * keeps no rows: the supplier makes them when the input ends.
 */
public final class AppendRowsOperator implements Operator {
    private final Supplier<List<Row>> rows;
    private final Operator next;

    public AppendRowsOperator(Supplier<List<Row>> rows, Operator next) {
        this.rows = rows;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        next.push(row);
    }

    @Override
    public void finish() {
        for (Row row : rows.get()) {
            next.push(row);
        }
        next.finish();
    }
}
