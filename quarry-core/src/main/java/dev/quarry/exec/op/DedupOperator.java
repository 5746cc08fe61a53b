package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code dedup}: keeps the first {@code count} rows, in Splunk's order ({@link SearchOrder}), of each combination
 * of the fields' values. Values compare as text, case-sensitively, and a multivalue field compares all its values
 * in order. A row without one of the fields is dropped, or kept as it is with {@code keepempty}. With
 * {@code consecutive} only repeats that follow each other count; with {@code keepevents} a repeat is kept without
 * the dedup fields; with {@code sortby} the kept rows are sorted by those keys when the input ends.
 *
 * <p>State: the raw events it puts in order ({@link OrderedRowOperator}) and the rows kept for {@code sortby}, each
 * at most {@link Limits#rows()}. Without {@code consecutive} it also keeps each distinct combination of values with
 * its count, at most {@link Limits#groups()}.
 */
public final class DedupOperator extends OrderedRowOperator {
    /** The settings of {@code dedup}'s options; {@code sortBy} is empty without a {@code sortby} clause. */
    public record Options(int count, boolean keepEmpty, boolean consecutive, boolean keepEvents,
            List<SortKey> sortBy) {
        public Options {
            sortBy = List.copyOf(sortBy);
        }
    }

    private final List<String> fields;
    private final Options options;
    private final Operator next;
    private final Map<List<List<String>>, Integer> seen = new HashMap<>();
    private final StateLimit seenLimit;
    private final HeldRows kept;
    private List<List<String>> previous;
    private int run;

    public DedupOperator(List<String> fields, Options options, Limits limits, Operator next) {
        super("dedup", limits);
        this.fields = List.copyOf(fields);
        this.options = options;
        this.seenLimit = StateLimit.groups("dedup", "distinct combinations of its fields' values", limits.groups());
        this.kept = new HeldRows("dedup", "until its input ends, to sort them by sortby", limits.rows());
        this.next = next;
    }

    @Override
    void accept(Row row) {
        List<List<String>> key = key(row);
        if (key == null) {
            previous = null;
            if (options.keepEmpty()) {
                emit(row);
            }
            return;
        }
        boolean first;
        if (options.consecutive()) {
            run = key.equals(previous) ? run + 1 : 1;
            previous = key;
            first = run <= options.count();
        } else {
            Integer count = seen.get(key);
            if (count == null) {
                seenLimit.check(seen.size() + 1L);
                count = 0;
            }
            count++;
            seen.put(key, count);
            first = count <= options.count();
        }
        if (first) {
            emit(row);
        } else if (options.keepEvents()) {
            for (String f : fields) {
                row.remove(f);
            }
            emit(row);
        }
    }

    /** Returns the values of the dedup fields as text, or null when one of them is absent. */
    private List<List<String>> key(Row row) {
        List<List<String>> key = new ArrayList<>(fields.size());
        for (String f : fields) {
            Value v = row.get(f);
            if (v == null) {
                return null;
            }
            List<String> texts = new ArrayList<>();
            for (Value one : Value.list(v)) {
                texts.add(one.text());
            }
            key.add(texts);
        }
        return key;
    }

    private void emit(Row row) {
        if (options.sortBy().isEmpty()) {
            next.push(row);
        } else {
            kept.add(row);
        }
    }

    @Override
    public long held() {
        return super.held() + kept.size() + seen.size();
    }

    @Override
    void end() {
        List<Row> rows = kept.rows();
        rows.sort(SortKey.comparator(options.sortBy()));
        for (Row row : rows) {
            next.push(row);
        }
        kept.clear();
        next.finish();
    }
}
