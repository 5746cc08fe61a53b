package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.function.Function;

/**
 * {@code appendpipe}: passes the rows on as they come and gives a copy of each to a sub-pipeline of its own; when
 * the input ends, the sub-pipeline finishes and its output follows the rows.
 *
 * <p>State: the sub-pipeline's output until the input ends, at most {@link Limits#rows()} rows, plus whatever the
 * sub-pipeline's own commands keep, which their own limits bound.
 *
 * <p>Example: {@code stats count by host | appendpipe [stats sum(count) as count | eval host="all"]} gives the
 * rows per host, then one total row.
 */
public final class AppendPipeOperator implements Operator {
    private final OperatorChain sub;
    private final HeldRows output;
    private final Operator next;

    /** {@code subPipeline} builds the sub-pipeline's operators in front of the operator given to it. */
    public AppendPipeOperator(Function<Operator, OperatorChain> subPipeline, Limits limits, Operator next) {
        this.output = new HeldRows("appendpipe", "of its sub-pipeline's output until the input ends", limits.rows());
        this.sub = subPipeline.apply(new Operator() {
            @Override
            public void push(Row row) {
                output.add(row);
            }

            @Override
            public void finish() {
                // The rows are passed on by the enclosing operator, after its own input.
            }
        });
        this.next = next;
    }

    @Override
    public void push(Row row) {
        Row copy = new Row(row);
        next.push(row);
        sub.head().push(copy);
    }

    @Override
    public long held() {
        return output.size() + sub.held();
    }

    @Override
    public void finish() {
        sub.head().finish();
        for (Row row : output.rows()) {
            next.push(row);
        }
        output.clear();
        next.finish();
    }
}
