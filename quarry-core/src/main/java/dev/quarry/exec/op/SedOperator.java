package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.SedExpression;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code rex mode=sed}: rewrites a field in place with a sed expression, each value of a multivalue field on
 * its own. The result is text; a row without the field passes unchanged.
 */
public final class SedOperator implements Operator {
    private final String field;
    private final SedExpression expression;
    private final Operator next;

    public SedOperator(String field, SedExpression expression, Operator next) {
        this.field = field;
        this.expression = expression;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        Value input = row.get(field);
        if (input != null) {
            List<String> out = new ArrayList<>();
            for (Value one : Value.list(input)) {
                out.add(expression.apply(one.text()));
            }
            row.put(field, Value.ofStrings(out));
        }
        next.push(row);
    }

    @Override
    public void finish() {
        next.finish();
    }
}
