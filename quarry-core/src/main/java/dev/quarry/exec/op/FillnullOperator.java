package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * {@code fillnull}: gives every absent listed field the fill value, creating the field. With a list each row
 * passes at once. Without a list it fills every field that any row has, so it keeps all rows until the input
 * ends, at most {@link Limits#rows()}, and then passes them on in order. A field whose value is the empty string
 * is not absent and stays.
 */
public final class FillnullOperator implements Operator {
    private final Value fill;
    private final List<String> fields;
    private final Operator next;
    private final HeldRows pending;
    private final Set<String> seen = new LinkedHashSet<>();

    /** Creates the operator. An empty {@code fields} list stands for every field of the result set. */
    public FillnullOperator(String fill, List<String> fields, Limits limits, Operator next) {
        this.fill = Value.str(fill);
        this.fields = List.copyOf(fields);
        this.pending = new HeldRows("fillnull", "until its input ends when it has no field list",
                limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        if (!fields.isEmpty()) {
            fillIn(row, fields);
            next.push(row);
            return;
        }
        pending.add(row);
        seen.addAll(row.names());
    }

    /**
     * Returns the rows kept until the input ends. The field names seen are not counted: the kept rows already
     * contain them.
     */
    @Override
    public long held() {
        return pending.size();
    }

    @Override
    public void finish() {
        for (Row row : pending.rows()) {
            fillIn(row, seen);
            next.push(row);
        }
        pending.clear();
        next.finish();
    }

    private void fillIn(Row row, Iterable<String> names) {
        for (String name : names) {
            if (row.get(name) == null) {
                row.put(name, fill);
            }
        }
    }
}
