package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import dev.quarry.exec.agg.Aggregator;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code streamstats}: adds to each row the statistics of the rows before it in Splunk's order
 * ({@link SearchOrder}), per group of the group-by fields, and with {@code current} the row itself.
 *
 * <p>Without a window the statistics run over every earlier row of the group. With {@code window=N} they cover
 * the last N rows: the last N rows of all groups, of which the row's group counts, or with {@code global=false}
 * the last N rows of the row's group. With {@code time_window} they cover the rows less than that many seconds
 * away from the row's {@code _time}. {@code reset_on_change} starts all statistics afresh when the group-by values
 * differ from the previous row's.
 *
 * <p>A row whose group-by field is absent passes unchanged and counts for nothing; a multivalue group-by field
 * groups by its first value. A result that is null removes the field of that name from the row.
 *
 * <p>State: the raw events it puts in order ({@link OrderedRowOperator}). Without a window it keeps one set of
 * running statistics per group, at most {@link Limits#groups()}. With a window it keeps one window per group, or
 * one in all with {@code global}, at most {@link Limits#groups()}, and the entries of all windows count as rows, at
 * most {@link Limits#rows()}. An entry keeps a row's group, function arguments and time, not the whole row.
 */
public final class StreamstatsOperator extends OrderedRowOperator {
    /**
     * The window options: {@code window} 0 is no limit on the number of rows, {@code timeWindowSeconds} 0 is no
     * limit in time.
     */
    public record Options(int window, boolean current, boolean global, boolean resetOnChange,
            double timeWindowSeconds) {
        boolean windowed() {
            return window > 0 || timeWindowSeconds > 0;
        }
    }

    /** One row as a window keeps it: its group, its function arguments and its time. */
    private record Entry(List<String> key, Value[] arguments, double time) {
    }

    private static final List<String> ALL_GROUPS = List.of();

    private final List<String> groupBy;
    private final List<GroupedAggregation.Function> functions;
    private final Options options;
    private final Operator next;
    private final Map<List<String>, Aggregator[]> running = new HashMap<>();
    private final Map<List<String>, Deque<Entry>> windows = new HashMap<>();
    private final StateLimit groupLimit;
    private final StateLimit windowLimit;
    private long windowEntries;
    private List<String> previousKey;

    public StreamstatsOperator(List<String> groupBy, List<GroupedAggregation.Function> functions, Options options,
            Limits limits, Operator next) {
        super("streamstats", limits);
        this.groupBy = List.copyOf(groupBy);
        this.functions = List.copyOf(functions);
        this.options = options;
        this.groupLimit = StateLimit.groups("streamstats", "groups", limits.groups());
        this.windowLimit = StateLimit.rows("streamstats", "in its windows", limits.rows());
        this.next = next;
    }

    @Override
    void accept(Row row) {
        List<String> key = key(row);
        if (key == null) {
            next.push(row);
            return;
        }
        if (options.resetOnChange() && previousKey != null && !key.equals(previousKey)) {
            running.clear();
            windows.clear();
            windowEntries = 0;
        }
        previousKey = key;
        Value[] arguments = new Value[functions.size()];
        for (int i = 0; i < arguments.length; i++) {
            arguments[i] = functions.get(i).argument().read(row);
        }
        Entry entry = new Entry(key, arguments, timeOf(row));
        Value[] results = options.windowed() ? windowed(entry) : running(entry);
        for (int i = 0; i < results.length; i++) {
            row.put(functions.get(i).outputName(), results[i]);
        }
        next.push(row);
    }

    private Value[] running(Entry entry) {
        Aggregator[] state = running.get(entry.key());
        if (state == null) {
            groupLimit.check(running.size() + 1L);
            state = fresh();
            running.put(entry.key(), state);
        }
        if (!options.current()) {
            Value[] before = results(state);
            add(state, entry);
            return before;
        }
        add(state, entry);
        return results(state);
    }

    private Value[] windowed(Entry entry) {
        List<String> windowKey = options.global() ? ALL_GROUPS : entry.key();
        Deque<Entry> window = windows.get(windowKey);
        if (window == null) {
            groupLimit.check(windows.size() + 1L);
            window = new ArrayDeque<>();
            windows.put(windowKey, window);
        }
        if (options.timeWindowSeconds() > 0) {
            while (!window.isEmpty()
                    && Math.abs(entry.time() - window.peekFirst().time()) >= options.timeWindowSeconds()) {
                window.removeFirst();
                windowEntries--;
            }
        }
        if (options.current()) {
            append(window, entry);
        }
        Aggregator[] state = fresh();
        for (Entry e : window) {
            if (e.key().equals(entry.key())) {
                add(state, e);
            }
        }
        if (!options.current()) {
            append(window, entry);
        }
        return results(state);
    }

    private void append(Deque<Entry> window, Entry entry) {
        window.addLast(entry);
        windowEntries++;
        if (options.window() > 0 && window.size() > options.window()) {
            window.removeFirst();
            windowEntries--;
        }
        windowLimit.check(windowEntries);
    }

    private Aggregator[] fresh() {
        Aggregator[] state = new Aggregator[functions.size()];
        for (int i = 0; i < state.length; i++) {
            state[i] = functions.get(i).state().get();
        }
        return state;
    }

    private static void add(Aggregator[] state, Entry entry) {
        for (int i = 0; i < state.length; i++) {
            state[i].add(entry.arguments()[i], entry.time());
        }
    }

    private static Value[] results(Aggregator[] state) {
        Value[] out = new Value[state.length];
        for (int i = 0; i < state.length; i++) {
            out[i] = state[i].result();
        }
        return out;
    }

    /** Returns the texts of the row's first group-by values, or null when one is absent. */
    private List<String> key(Row row) {
        List<String> key = new ArrayList<>(groupBy.size());
        for (String f : groupBy) {
            List<Value> values = Value.list(row.get(f));
            if (values.isEmpty()) {
                return null;
            }
            key.add(values.get(0).text());
        }
        return key;
    }

    private static double timeOf(Row row) {
        Double t = Values.toNumber(row.get("_time"));
        return t == null ? 0 : t;
    }

    @Override
    public long held() {
        return super.held() + running.size() + windows.size() + windowEntries;
    }

    @Override
    void end() {
        next.finish();
    }
}
