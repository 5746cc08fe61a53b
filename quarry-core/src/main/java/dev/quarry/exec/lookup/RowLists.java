package dev.quarry.exec.lookup;

import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Builds maps from a key to the rows that have it, as ascending {@code int[]} arrays. */
final class RowLists {
    private final Map<String, int[]> building = new HashMap<>();

    /** Adds a row to a key's list; callers add rows in ascending order. */
    void add(String key, int row) {
        int[] list = building.get(key);
        if (list == null) {
            // Slot 0 is the number of rows in the list.
            building.put(key, new int[] {1, row});
            return;
        }
        int size = list[0];
        if (size + 1 == list.length) {
            list = Arrays.copyOf(list, list.length * 2);
            building.put(key, list);
        }
        list[size + 1] = row;
        list[0] = size + 1;
    }

    /** Returns the finished map, each list trimmed to its rows. */
    Map<String, int[]> build() {
        Map<String, int[]> out = new HashMap<>(building.size() * 2);
        for (Map.Entry<String, int[]> e : building.entrySet()) {
            int[] list = e.getValue();
            out.put(e.getKey(), Arrays.copyOfRange(list, 1, list[0] + 1));
        }
        return out;
    }

    /** Sets in {@code rows} every row that one of {@code keys} maps to in {@code rowsByKey}. */
    static void setRows(Map<String, int[]> rowsByKey, List<String> keys, BitSet rows) {
        for (String key : keys) {
            int[] hits = rowsByKey.get(key);
            if (hits != null) {
                for (int r : hits) {
                    rows.set(r);
                }
            }
        }
    }
}
