package dev.quarry.exec.lookup;

import java.util.BitSet;
import java.util.List;

/** The rows of one lookup column prepared for matching, built once per table, column and matching options. */
interface ColumnIndex {
    /** Returns a probe that tests the given values of one event field (at least one) against this column. */
    Probe probe(List<String> values);

    /** Relative cost of {@link Probe#collect}: the matcher collects candidates from the cheapest column. */
    int collectCost();

    /** The values of one event field, prepared once (case folded, addresses parsed) and tested against rows. */
    interface Probe {
        /** Sets the bit of every row whose cell matches at least one of the values. */
        void collect(BitSet rows);

        /** Returns true when the row's cell matches at least one of the values. */
        boolean matches(int row);
    }
}
