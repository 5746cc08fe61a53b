package dev.quarry.exec.op;

import dev.quarry.exec.Evaluator;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.List;

/**
 * {@code eval}: sets each field in turn, so later assignments see earlier results. A null result removes the
 * field, as {@code eval f=null()} does in Splunk.
 */
public final class EvalOperator implements Operator {
    /** One compiled assignment. */
    public record Assignment(String field, Evaluator value) {
    }

    private final List<Assignment> assignments;
    private final Operator next;

    public EvalOperator(List<Assignment> assignments, Operator next) {
        this.assignments = List.copyOf(assignments);
        this.next = next;
    }

    @Override
    public void push(Row row) {
        for (Assignment a : assignments) {
            Value v = a.value().eval(row);
            if (v instanceof Value.Bool b) {
                v = Value.str(b.text());
            }
            row.put(a.field(), v);
        }
        next.push(row);
    }

    @Override
    public void finish() {
        next.finish();
    }
}
