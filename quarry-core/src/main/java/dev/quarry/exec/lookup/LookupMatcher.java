package dev.quarry.exec.lookup;

import java.util.Arrays;
import java.util.BitSet;
import java.util.List;

/**
 * Finds the rows of a lookup table that match an event: every match column must match at least one value of its
 * event field. Built once per table, match columns and options, then shared by every run; it keeps no state
 * between calls.
 */
public final class LookupMatcher {
    /** A match column: its index in the table and how its cells compare with values. */
    public record Column(int index, MatchType type) {
    }

    private final ColumnIndex[] columns;

    private LookupMatcher(ColumnIndex[] columns) {
        this.columns = columns;
    }

    /**
     * Builds the indexes of the given columns. {@code caseSensitive} applies to {@code EXACT} and {@code WILDCARD}
     * columns; {@code CIDR} columns compare addresses.
     */
    public static LookupMatcher build(LookupTable table, List<Column> columns, boolean caseSensitive) {
        if (columns.isEmpty()) {
            throw new IllegalArgumentException("a lookup needs at least one match column");
        }
        ColumnIndex[] indexes = new ColumnIndex[columns.size()];
        for (int i = 0; i < columns.size(); i++) {
            Column c = columns.get(i);
            indexes[i] = switch (c.type()) {
                case EXACT -> new ExactColumn(table, c.index(), caseSensitive);
                case WILDCARD -> new WildcardColumn(table, c.index(), caseSensitive);
                case CIDR -> new CidrColumn(table, c.index());
            };
        }
        return new LookupMatcher(indexes);
    }

    /**
     * Returns the indexes of the matching rows in table order, at most {@code max} of them. {@code values} holds,
     * for each match column in the order given to {@link #build}, the values of its event field (at least one).
     */
    public int[] match(List<List<String>> values, int max) {
        if (values.size() != columns.length) {
            throw new IllegalArgumentException("expected values for " + columns.length + " columns, got "
                    + values.size());
        }
        ColumnIndex.Probe[] probes = new ColumnIndex.Probe[columns.length];
        int driver = 0;
        for (int i = 0; i < columns.length; i++) {
            probes[i] = columns[i].probe(values.get(i));
            if (columns[i].collectCost() < columns[driver].collectCost()) {
                driver = i;
            }
        }
        BitSet candidates = new BitSet();
        probes[driver].collect(candidates);

        int[] hits = new int[Math.min(max, candidates.cardinality())];
        int count = 0;
        for (int r = candidates.nextSetBit(0); r >= 0 && count < hits.length; r = candidates.nextSetBit(r + 1)) {
            if (matchesOthers(probes, driver, r)) {
                hits[count++] = r;
            }
        }
        return count == hits.length ? hits : Arrays.copyOf(hits, count);
    }

    private static boolean matchesOthers(ColumnIndex.Probe[] probes, int driver, int row) {
        for (int i = 0; i < probes.length; i++) {
            if (i != driver && !probes[i].matches(row)) {
                return false;
            }
        }
        return true;
    }
}
