package dev.quarry.cli;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * Column order for a table or CSV file over rows that may lack some fields. After {@code table A B C}, a first row
 * without B must not push B to the end. Columns follow the fields' order within rows where the rows agree. Where
 * they conflict, the order in which names first appear breaks the tie.
 */
final class ColumnOrder {
    private ColumnOrder() {
    }

    /** Orders the union of the given field sequences, each in its row's order. */
    static List<String> of(Iterable<? extends Iterable<String>> rows) {
        Map<String, Integer> index = new HashMap<>();
        List<String> names = new ArrayList<>();
        List<List<Integer>> after = new ArrayList<>();
        List<Integer> before = new ArrayList<>();
        Set<Long> edges = new HashSet<>();

        for (Iterable<String> row : rows) {
            int previous = -1;
            for (String name : row) {
                Integer i = index.get(name);
                if (i == null) {
                    i = names.size();
                    index.put(name, i);
                    names.add(name);
                    after.add(new ArrayList<>());
                    before.add(0);
                }
                if (previous >= 0 && previous != i && edges.add(((long) previous << 32) | i)) {
                    after.get(previous).add(i);
                    before.set(i, before.get(i) + 1);
                }
                previous = i;
            }
        }

        // Kahn's topological sort, taking the earliest-seen free name each time. On a cycle no name is free, and
        // the earliest-seen name left goes next, so every name is placed once.
        int n = names.size();
        boolean[] placed = new boolean[n];
        PriorityQueue<Integer> free = new PriorityQueue<>();
        for (int i = 0; i < n; i++) {
            if (before.get(i) == 0) {
                free.add(i);
            }
        }

        List<String> order = new ArrayList<>(n);
        int cursor = 0;
        while (order.size() < n) {
            int next;
            if (!free.isEmpty()) {
                next = free.poll();
                if (placed[next]) {
                    continue;
                }
            } else {
                while (placed[cursor]) {
                    cursor++;
                }
                next = cursor;
            }

            placed[next] = true;
            order.add(names.get(next));
            for (int successor : after.get(next)) {
                int left = before.get(successor) - 1;
                before.set(successor, left);
                if (left == 0 && !placed[successor]) {
                    free.add(successor);
                }
            }
        }
        return order;
    }
}
