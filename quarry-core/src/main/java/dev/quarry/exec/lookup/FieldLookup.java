package dev.quarry.exec.lookup;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;

/**
 * One planned {@code lookup} command: which row fields are matched against which table columns, and which
 * columns are written to which fields. Immutable and shared by every run of the plan.
 *
 * <p>A row that lacks any of the match fields is left as it is. Otherwise the matching rows (at most
 * {@code maxMatches}, in table order) give each output field the non-empty cells of its column, one value per
 * row, as a multivalue when there are several. When fewer than {@code minMatches} rows match, the output gets
 * {@code defaultMatch} once for each missing match, unless the default is empty. {@code OUTPUT} then sets each
 * output field, and removes it when there is no value; {@code OUTPUTNEW} sets only output fields the row does
 * not have.
 */
public final class FieldLookup {
    /** An output: the table column and the row field it is written to. */
    public record Output(int column, String field) {
    }

    /** The matching options of a lookup definition. */
    public record Options(int maxMatches, int minMatches, String defaultMatch) {
        public Options {
            if (maxMatches < 1) {
                throw new IllegalArgumentException("max_matches must be at least 1, not " + maxMatches);
            }
            if (minMatches < 0) {
                throw new IllegalArgumentException("min_matches must not be negative, not " + minMatches);
            }
            defaultMatch = defaultMatch == null ? "" : defaultMatch;
        }
    }

    private final LookupTable table;
    private final LookupMatcher matcher;
    private final List<String> matchFields;
    private final List<Output> outputs;
    private final boolean outputNew;
    private final Options options;

    /**
     * Creates a lookup. {@code matchFields} are the row fields read for the matcher's columns, in the same order;
     * {@code outputNew} selects {@code OUTPUTNEW} instead of {@code OUTPUT}.
     */
    public FieldLookup(LookupTable table, LookupMatcher matcher, List<String> matchFields, List<Output> outputs,
            boolean outputNew, Options options) {
        this.table = table;
        this.matcher = matcher;
        this.matchFields = List.copyOf(matchFields);
        this.outputs = List.copyOf(outputs);
        this.outputNew = outputNew;
        this.options = options;
    }

    /** Looks the row up and writes the output fields into it. */
    public void apply(Row row) {
        List<List<String>> values = new ArrayList<>(matchFields.size());
        for (String field : matchFields) {
            List<Value> fieldValues = Value.list(row.get(field));
            if (fieldValues.isEmpty()) {
                return;
            }
            List<String> texts = new ArrayList<>(fieldValues.size());
            for (Value v : fieldValues) {
                texts.add(v.text());
            }
            values.add(texts);
        }
        int[] hits = matcher.match(values, options.maxMatches());
        int defaults = options.defaultMatch().isEmpty() ? 0 : Math.max(0, options.minMatches() - hits.length);

        // Every output is computed before any is written, because an output may overwrite a match field.
        List<Value> results = new ArrayList<>(outputs.size());
        for (Output o : outputs) {
            List<String> cells = new ArrayList<>(hits.length + defaults);
            for (int r : hits) {
                String cell = table.cell(r, o.column());
                if (cell != null) {
                    cells.add(cell);
                }
            }
            for (int i = 0; i < defaults; i++) {
                cells.add(options.defaultMatch());
            }
            results.add(Value.ofStrings(cells));
        }
        for (int i = 0; i < outputs.size(); i++) {
            String field = outputs.get(i).field();
            Value value = results.get(i);
            if (!outputNew) {
                row.put(field, value);
            } else if (value != null && row.get(field) == null) {
                row.put(field, value);
            }
        }
    }
}
