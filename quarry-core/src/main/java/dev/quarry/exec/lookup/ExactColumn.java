package dev.quarry.exec.lookup;

import java.util.BitSet;
import java.util.List;
import java.util.Map;

/** An {@code EXACT} column: a hash index from each cell (case folded unless matching is case-sensitive) to rows. */
final class ExactColumn implements ColumnIndex {
    private final boolean caseSensitive;
    private final String[] keys;
    private final Map<String, int[]> rowsByKey;

    ExactColumn(LookupTable table, int column, boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
        this.keys = new String[table.size()];
        RowLists lists = new RowLists();
        for (int r = 0; r < table.size(); r++) {
            String key = CaseFolding.fold(table.cell(r, column), caseSensitive);
            keys[r] = key;
            if (key != null) {
                lists.add(key, r);
            }
        }
        this.rowsByKey = lists.build();
    }

    @Override
    public int collectCost() {
        return 0;
    }

    @Override
    public Probe probe(List<String> values) {
        List<String> folded = CaseFolding.foldAll(values, caseSensitive);
        return new Probe() {
            @Override
            public void collect(BitSet rows) {
                RowLists.setRows(rowsByKey, folded, rows);
            }

            @Override
            public boolean matches(int row) {
                String key = keys[row];
                return key != null && folded.contains(key);
            }
        };
    }
}
