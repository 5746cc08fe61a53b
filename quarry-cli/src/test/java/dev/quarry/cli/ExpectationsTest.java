package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Expected rows per detection for content check --expect. */
class ExpectationsTest {
    @Test
    void readsEntriesAndComparesCounts(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("expect.yml");
        Files.writeString(file, "- detection: A\n  rows: 2\n  why: two hosts ran it\n"
                + "- detection: B\n  rows: 0\n  why: nothing in the data matches\n"
                + "- detection: C\n  rows: 1\n  why: one event\n");
        Map<String, Integer> expected = Expectations.read(file);
        assertThat(expected).containsExactly(Map.entry("A", 2), Map.entry("B", 0), Map.entry("C", 1));
        assertThat(Expectations.compare(expected, Map.of("A", 2, "B", 0, "C", 3, "D", 4, "E", 0)))
                .containsExactly("C: expected 1 rows, got 3", "D: returned 4 rows, and has no entry");
        assertThat(Expectations.compare(expected, Map.of("A", 2, "B", 0)))
                .containsExactly("C: expected 1 rows, but it did not run (not found, unsupported or failed)");
    }

    @Test
    void entriesNeedTheirReasoning(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("expect.yml");
        Files.writeString(file, "- detection: A\n  rows: 2\n");
        assertThatThrownBy(() -> Expectations.read(file)).isInstanceOf(UsageException.class)
                .hasMessageContaining("entry 1").hasMessageContaining("why");
    }
}
