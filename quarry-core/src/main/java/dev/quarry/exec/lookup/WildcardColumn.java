package dev.quarry.exec.lookup;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A {@code WILDCARD} column. Cells without {@code *} go into a hash index as in an exact column. Cells with
 * {@code *} are compiled once and indexed by one substring of {@value #GRAM} characters taken from their literal
 * runs: a value can only match a pattern whose indexed substring it contains, so a probe tests the patterns
 * listed under the value's own substrings instead of every pattern in the table. Each pattern is listed under
 * its rarest substring, which keeps those lists short. Patterns without a literal run that long are tested
 * against every value.
 */
final class WildcardColumn implements ColumnIndex {
    static final int GRAM = 4;

    private final boolean caseSensitive;
    private final String[] literalKeys;
    private final WildcardCell[] patterns;
    private final Map<String, int[]> literalRows;
    private final Map<String, int[]> patternRowsByGram;
    private final int[] unindexedPatternRows;

    WildcardColumn(LookupTable table, int column, boolean caseSensitive) {
        this.caseSensitive = caseSensitive;
        int n = table.size();
        this.literalKeys = new String[n];
        this.patterns = new WildcardCell[n];
        RowLists literals = new RowLists();
        for (int r = 0; r < n; r++) {
            String cell = CaseFolding.fold(table.cell(r, column), caseSensitive);
            if (cell == null) {
                continue;
            }
            if (WildcardCell.isPattern(cell)) {
                patterns[r] = WildcardCell.compile(cell);
            } else {
                literalKeys[r] = cell;
                literals.add(cell, r);
            }
        }
        this.literalRows = literals.build();

        String[][] gramsByRow = new String[n][];
        Map<String, int[]> gramCounts = new HashMap<>();
        for (int r = 0; r < n; r++) {
            if (patterns[r] != null) {
                gramsByRow[r] = grams(patterns[r]);
                for (String g : gramsByRow[r]) {
                    gramCounts.computeIfAbsent(g, k -> new int[1])[0]++;
                }
            }
        }
        RowLists byGram = new RowLists();
        List<Integer> unindexed = new ArrayList<>();
        for (int r = 0; r < n; r++) {
            if (patterns[r] == null) {
                continue;
            }
            String rarest = null;
            int rarestCount = Integer.MAX_VALUE;
            for (String g : gramsByRow[r]) {
                int count = gramCounts.get(g)[0];
                if (count < rarestCount) {
                    rarest = g;
                    rarestCount = count;
                }
            }
            if (rarest == null) {
                unindexed.add(r);
            } else {
                byGram.add(rarest, r);
            }
        }
        this.patternRowsByGram = byGram.build();
        this.unindexedPatternRows = unindexed.stream().mapToInt(Integer::intValue).toArray();
    }

    /** Returns the distinct substrings of {@value #GRAM} characters in a pattern's literal runs. */
    private static String[] grams(WildcardCell pattern) {
        Set<String> grams = new HashSet<>();
        for (String part : pattern.literalParts()) {
            for (int i = 0; i + GRAM <= part.length(); i++) {
                grams.add(part.substring(i, i + GRAM));
            }
        }
        return grams.toArray(new String[0]);
    }

    @Override
    public int collectCost() {
        return 1;
    }

    @Override
    public Probe probe(List<String> values) {
        List<String> folded = CaseFolding.foldAll(values, caseSensitive);
        return new Probe() {
            @Override
            public void collect(BitSet rows) {
                RowLists.setRows(literalRows, folded, rows);
                Set<String> seen = new HashSet<>();
                for (String v : folded) {
                    for (int i = 0; i + GRAM <= v.length(); i++) {
                        String g = v.substring(i, i + GRAM);
                        int[] candidates = seen.add(g) ? patternRowsByGram.get(g) : null;
                        if (candidates != null) {
                            testPatterns(candidates, rows);
                        }
                    }
                }
                testPatterns(unindexedPatternRows, rows);
            }

            private void testPatterns(int[] candidates, BitSet rows) {
                for (int r : candidates) {
                    if (!rows.get(r) && anyMatches(patterns[r])) {
                        rows.set(r);
                    }
                }
            }

            private boolean anyMatches(WildcardCell pattern) {
                for (String v : folded) {
                    if (pattern.matches(v)) {
                        return true;
                    }
                }
                return false;
            }

            @Override
            public boolean matches(int row) {
                if (literalKeys[row] != null) {
                    return folded.contains(literalKeys[row]);
                }
                return patterns[row] != null && anyMatches(patterns[row]);
            }
        };
    }
}
