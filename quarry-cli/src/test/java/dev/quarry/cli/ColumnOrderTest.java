package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Table and CSV columns follow the fields' order within rows, even when the first row lacks a field. */
class ColumnOrderTest {
    @Test
    void missingFieldInFirstRow() {
        assertThat(ColumnOrder.of(List.of(List.of("A", "C"), List.of("A", "B", "C")))).containsExactly("A", "B", "C");
    }

    @Test
    void disjointRowsKeepFirstAppearance() {
        assertThat(ColumnOrder.of(List.of(List.of("A", "B"), List.of("C", "D")))).containsExactly("A", "B", "C", "D");
    }

    @Test
    void conflictingOrdersFallBackToFirstAppearance() {
        assertThat(ColumnOrder.of(List.of(List.of("A", "B"), List.of("B", "A", "C")))).containsExactly("A", "B", "C");
    }

    @Test
    void noRowsNoColumns() {
        assertThat(ColumnOrder.of(List.of())).isEmpty();
    }

    @Test
    void cycleIsBrokenAtTheEarliestName() {
        assertThat(ColumnOrder.of(List.of(List.of("B", "A"), List.of("A", "B")))).containsExactly("B", "A");
    }

    @Test
    void manyDistinctNamesKeepTheirOrder() {
        List<List<String>> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 50_000; i++) {
            rows.add(List.of("f" + i));
        }
        assertThat(ColumnOrder.of(rows)).hasSize(50_000).startsWith("f0", "f1").endsWith("f49999");
    }
}
