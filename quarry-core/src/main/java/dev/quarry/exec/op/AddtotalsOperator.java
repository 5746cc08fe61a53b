package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * {@code addtotals}: with {@code row} it sets {@code fieldName} on each row to the sum of the row's numeric
 * fields, the listed ones or else every field whose name does not start with {@code _}, and 0 when there are
 * none. With {@code col} it keeps the rows until the input ends and then adds a row with the sum of each
 * summed field over all rows, and {@code labelField} set to {@code label} when a label field is given. A
 * multivalue field counts its first value; text that is not a number does not count.
 *
 * <p>State: with {@code col}, every row, at most {@link Limits#rows()}, and one sum per field name it has seen.
 * Without {@code col}, nothing.
 */
public final class AddtotalsOperator implements Operator {
    /** The settings of {@code addtotals}' options. */
    public record Options(boolean row, boolean col, String fieldName, String labelField, String label) {
    }

    private final List<String> fields;
    private final Options options;
    private final Operator next;
    private final Map<String, Double> columnSums = new LinkedHashMap<>();
    private final HeldRows pending;

    /** Creates the operator. An empty {@code fields} list stands for every field, and names may contain {@code *}. */
    public AddtotalsOperator(List<String> fields, Options options, Limits limits, Operator next) {
        this.fields = List.copyOf(fields);
        this.options = options;
        this.pending = new HeldRows("addtotals", "until its input ends when col=true", limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        if (options.row()) {
            double total = 0;
            for (String name : row.nameList()) {
                Double x = summed(name) ? Values.toNumber(row.get(name)) : null;
                if (x != null) {
                    total += x;
                }
            }
            row.put(options.fieldName(), Value.num(total));
        }
        if (!options.col()) {
            next.push(row);
            return;
        }
        for (String name : row.nameList()) {
            boolean counted = summed(name) || (options.row() && name.equals(options.fieldName()));
            Double x = counted ? Values.toNumber(row.get(name)) : null;
            if (x != null) {
                columnSums.merge(name, x, Double::sum);
            }
        }
        pending.add(row);
    }

    /**
     * Returns the rows kept for the column totals. The sums, one per field name, are not counted: the kept rows
     * already contain those names.
     */
    @Override
    public long held() {
        return pending.size();
    }

    private boolean summed(String name) {
        if (name.equals(options.fieldName())) {
            return false;
        }
        if (fields.isEmpty()) {
            return !name.startsWith("_");
        }
        for (String f : fields) {
            if (f.indexOf('*') < 0 ? f.equals(name) : name.matches(glob(f))) {
                return true;
            }
        }
        return false;
    }

    private static String glob(String pattern) {
        return Pattern.quote(pattern).replace("*", "\\E.*\\Q");
    }

    @Override
    public void finish() {
        if (options.col()) {
            for (Row row : pending.rows()) {
                next.push(row);
            }
            Row totals = new Row();
            for (Map.Entry<String, Double> e : columnSums.entrySet()) {
                totals.put(e.getKey(), Value.num(e.getValue()));
            }
            if (options.labelField() != null) {
                totals.put(options.labelField(), Value.str(options.label()));
            }
            next.push(totals);
            pending.clear();
        }
        next.finish();
    }
}
