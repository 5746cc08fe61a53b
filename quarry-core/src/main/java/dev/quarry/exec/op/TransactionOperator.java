package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code transaction}: groups rows that share the values of the transaction fields into transactions, in time
 * order, and emits one row per transaction. The input is kept, at most {@link Limits#rows()} rows, and ordered by
 * {@code _time} when it ends, since rows may come in any order (tstats emits them by group).
 *
 * <p>Going through the rows of one key in time order, the open transaction ends before a row when the pause since
 * its last row exceeds {@code maxpause}, when the row is {@code maxspan} or more after its first row, or when the
 * row matches {@code startswith} (the row then begins the next one). It ends after a row when it contains
 * {@code maxevents} rows or the row matches {@code endswith}. With {@code startswith}, only transactions that begin
 * with a matching row are emitted, and rows before one are dropped; with {@code endswith}, only transactions that
 * end with a matching row. Rows without every transaction field belong to no transaction and are dropped.
 *
 * <p>A transaction's row has {@code _time} of its first row, {@code duration} (last time minus first, in seconds),
 * {@code eventcount}, {@code _raw} of its rows joined by newlines in time order, and every other field with the
 * distinct values of its rows sorted in code point order, a multivalue field when there are several. Transactions
 * come out in the order of their first rows.
 *
 * <p>Example: rows at 0 s ({@code EventCode=4698, Task=t}) and 10 s ({@code EventCode=4699, Task=t}) with
 * {@code transaction Task startswith=(EventCode=4698) endswith=(EventCode=4699)} give one row with
 * {@code duration=10}, {@code eventcount=2} and {@code EventCode=[4698, 4699]}.
 */
public final class TransactionOperator implements Operator {
    /**
     * The conditions that form a transaction. Negative {@code maxSpan}, {@code maxPause} (seconds) and
     * {@code maxEvents} mean no limit, and null {@code startsWith} and {@code endsWith} mean no condition.
     */
    public record Spec(List<String> fields, double maxSpan, double maxPause, int maxEvents, RowPredicate startsWith,
            RowPredicate endsWith) {
        public Spec {
            fields = List.copyOf(fields);
        }
    }

    /** The rows of one transaction so far. */
    private static final class Open {
        final List<Row> rows = new ArrayList<>();
        final int order;
        double first;
        double last;
        boolean started;
        boolean ended;

        Open(int order) {
            this.order = order;
        }
    }

    private final Spec spec;
    private final HeldRows input;
    private final Operator next;

    public TransactionOperator(Spec spec, Limits limits, Operator next) {
        this.spec = spec;
        this.input = new HeldRows("transaction", "until its input ends", limits.rows());
        this.next = next;
    }

    @Override
    public void push(Row row) {
        input.add(row);
    }

    @Override
    public long held() {
        return input.size();
    }

    @Override
    public void finish() {
        List<Row> rows = new ArrayList<>(input.rows());
        input.clear();
        rows.sort(Comparator.comparingDouble(TransactionOperator::time));
        Map<List<String>, Open> open = new HashMap<>();
        List<Open> done = new ArrayList<>();
        int opened = 0;
        for (Row row : rows) {
            List<String> key = key(row);
            if (key == null) {
                continue;
            }
            double t = time(row);
            boolean starts = spec.startsWith() != null && spec.startsWith().test(row);
            Open txn = open.get(key);
            if (txn != null && (starts || tooLate(txn, t))) {
                done.add(txn);
                open.remove(key);
                txn = null;
            }
            if (txn == null) {
                if (spec.startsWith() != null && !starts) {
                    continue;
                }
                txn = new Open(opened++);
                txn.started = starts;
                txn.first = t;
                open.put(key, txn);
            }
            txn.rows.add(row);
            txn.last = t;
            boolean ends = spec.endsWith() != null && spec.endsWith().test(row);
            if (ends || spec.maxEvents() >= 0 && txn.rows.size() >= spec.maxEvents()) {
                txn.ended = ends;
                done.add(txn);
                open.remove(key);
            }
        }
        done.addAll(open.values());
        done.sort(Comparator.comparingDouble((Open o) -> o.first).thenComparingInt(o -> o.order));
        for (Open txn : done) {
            if (spec.startsWith() != null && !txn.started || spec.endsWith() != null && !txn.ended) {
                continue;
            }
            next.push(output(txn));
        }
        next.finish();
    }

    private boolean tooLate(Open txn, double t) {
        return spec.maxPause() >= 0 && t - txn.last > spec.maxPause()
                || spec.maxSpan() >= 0 && t - txn.first >= spec.maxSpan();
    }

    private List<String> key(Row row) {
        List<String> key = new ArrayList<>(spec.fields().size());
        for (String f : spec.fields()) {
            Value v = row.get(f);
            if (v == null) {
                return null;
            }
            key.add(v.text());
        }
        return key;
    }

    /** Returns a row's {@code _time} in seconds, or 0 for a row without one. */
    private static double time(Row row) {
        Double t = Values.toNumber(row.get("_time"));
        return t == null ? 0 : t;
    }

    private static Row output(Open txn) {
        Map<String, Map<String, Value>> values = new LinkedHashMap<>();
        StringBuilder raw = null;
        for (Row r : txn.rows) {
            for (Map.Entry<String, Value> e : r.asMap().entrySet()) {
                String name = e.getKey();
                if (name.equals("_time")) {
                    continue;
                }
                if (name.equals("_raw")) {
                    raw = raw == null ? new StringBuilder() : raw.append('\n');
                    raw.append(e.getValue().text());
                    continue;
                }
                Map<String, Value> distinct = values.computeIfAbsent(name, k -> new LinkedHashMap<>());
                for (Value v : Value.list(e.getValue())) {
                    distinct.putIfAbsent(v.text(), v);
                }
            }
        }
        Row out = new Row();
        if (txn.rows.get(0).has("_time")) {
            out.put("_time", Value.num(txn.first));
        }
        for (Map.Entry<String, Map<String, Value>> e : values.entrySet()) {
            List<String> texts = new ArrayList<>(e.getValue().keySet());
            Values.sortLexicographically(texts);
            List<Value> sorted = new ArrayList<>(texts.size());
            for (String text : texts) {
                sorted.add(e.getValue().get(text));
            }
            out.put(e.getKey(), Value.ofValues(sorted));
        }
        if (raw != null) {
            out.put("_raw", Value.str(raw.toString()));
        }
        out.put("duration", Value.num(txn.last - txn.first));
        out.put("eventcount", Value.num(txn.rows.size()));
        return out;
    }
}
