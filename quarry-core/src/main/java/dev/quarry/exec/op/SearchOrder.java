package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The row order that Splunk gives commands whose result depends on it ({@code dedup}, {@code head},
 * {@code tail}, {@code sort} ties, {@code streamstats}). Splunk returns the events of a search newest first;
 * Quarry reads them in input order and marks each raw-event row with its event time
 * ({@link Row#rawEventTime()}). These commands put marked rows newest first, rows of the same time in input
 * order, and unmarked rows after them in the order they came. A command that has put rows in this order clears
 * the mark, so the commands after it take the rows as they come.
 *
 * <p>Example: raw events read at 10:00, 10:05 and 10:01 reach {@code dedup} as 10:05, 10:01, 10:00, and
 * {@code dedup user} keeps each user's newest event, as Splunk documents.
 */
final class SearchOrder {
    /** A row with its position in the order rows reached the command. */
    record Arrival(Row row, long position) {
    }

    /** Newest raw events first, same times in arrival order, then rows without a raw event time. */
    static final Comparator<Arrival> SPLUNK_ORDER = (a, b) -> {
        Double x = a.row().rawEventTime();
        Double y = b.row().rawEventTime();
        if (x != null && y != null) {
            int byTime = Double.compare(y, x);
            if (byTime != 0) {
                return byTime;
            }
        } else if (x != null || y != null) {
            return x != null ? -1 : 1;
        }
        return Long.compare(a.position(), b.position());
    };

    private SearchOrder() {
    }

    /** True when the row still stands for a raw event in input order, so its place is not yet Splunk's. */
    static boolean inInputOrder(Row row) {
        return row.rawEventTime() != null;
    }

    /** Sorts rows into Splunk's order and clears their raw event marks. */
    static List<Row> inSplunkOrder(List<Arrival> arrivals) {
        List<Arrival> sorted = new ArrayList<>(arrivals);
        sorted.sort(SPLUNK_ORDER);
        List<Row> rows = new ArrayList<>(sorted.size());
        for (Arrival a : sorted) {
            a.row().setRawEventTime(null);
            rows.add(a.row());
        }
        return rows;
    }
}
