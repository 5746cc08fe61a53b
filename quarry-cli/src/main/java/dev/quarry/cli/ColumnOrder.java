package dev.quarry.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Column order for a table or CSV file over rows that may lack some fields. After {@code table A B C}, a first row
 * without B must not push B to the end. Columns follow the fields' order within rows where the rows agree, and the
 * order of first appearance where they do not.
 */
final class ColumnOrder {
    private ColumnOrder() {
    }

    /** Orders the union of the given field sequences, each in its row's order. */
    static List<String> of(Iterable<? extends Iterable<String>> rows) {
        Map<String, Integer> first = new LinkedHashMap<>();
        Map<String, Set<String>> after = new HashMap<>();
        Map<String, Integer> before = new HashMap<>();
        for (Iterable<String> names : rows) {
            String previous = null;
            for (String name : names) {
                first.putIfAbsent(name, first.size());
                before.putIfAbsent(name, 0);
                if (previous != null && after.computeIfAbsent(previous, k -> new LinkedHashSet<>()).add(name)) {
                    before.merge(name, 1, Integer::sum);
                }
                previous = name;
            }
        }
        // Kahn's topological sort, taking the earliest-seen free name each time. On a cycle the earliest-seen
        // name left goes next, so every name is placed once.
        List<String> order = new ArrayList<>(first.size());
        Set<String> placed = new LinkedHashSet<>();
        while (order.size() < first.size()) {
            String next = null;
            String fallback = null;
            for (String name : first.keySet()) {
                if (placed.contains(name)) {
                    continue;
                }
                if (fallback == null) {
                    fallback = name;
                }
                if (before.get(name) == 0) {
                    next = name;
                    break;
                }
            }
            if (next == null) {
                next = fallback;
            }
            placed.add(next);
            order.add(next);
            for (String successor : after.getOrDefault(next, Set.of())) {
                if (!placed.contains(successor)) {
                    before.merge(successor, -1, Integer::sum);
                }
            }
        }
        return order;
    }
}
