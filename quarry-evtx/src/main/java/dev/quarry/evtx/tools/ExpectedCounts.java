package dev.quarry.evtx.tools;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Expected record counts per file, read from a tab-separated file with the columns path
 * (relative to the TSV's folder), records read, records in error, and the figures' source.
 * Lines starting with {@code #} are comments; {@code -} means a figure is not given.
 */
final class ExpectedCounts {

    /**
     * Counts expected for one file. A missing error figure means the first figure counts every
     * item the source iterated, errors included.
     */
    record Expected(long records, OptionalLong errors, String source) {
    }

    private final Map<Path, Expected> byFile;

    private ExpectedCounts(Map<Path, Expected> byFile) {
        this.byFile = byFile;
    }

    static ExpectedCounts none() {
        return new ExpectedCounts(Map.of());
    }

    static ExpectedCounts read(Path tsv) throws IOException {
        Map<Path, Expected> byFile = new HashMap<>();
        Path base = tsv.toAbsolutePath().getParent();
        List<String> lines = Files.readAllLines(tsv, StandardCharsets.UTF_8);
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] columns = line.split("\t");
            if (columns.length < 3) {
                throw new IOException(tsv + " line " + (i + 1) + ": expected at least 3 tab-separated"
                        + " columns (path, records, errors), found " + columns.length);
            }
            try {
                long records = Long.parseLong(columns[1].trim());
                String errors = columns[2].trim();
                OptionalLong errorCount = errors.equals("-") ? OptionalLong.empty()
                        : OptionalLong.of(Long.parseLong(errors));
                String source = columns.length > 3 ? columns[3].trim() : "";
                byFile.put(base.resolve(columns[0].trim()).normalize(), new Expected(records, errorCount, source));
            } catch (NumberFormatException e) {
                throw new IOException(tsv + " line " + (i + 1) + ": invalid count: " + e.getMessage()
                        + "; expected a whole number or -", e);
            }
        }
        return new ExpectedCounts(byFile);
    }

    /** Returns the expected counts for a file, or null when the TSV does not list it. */
    Expected forFile(Path file) {
        return byFile.get(file.toAbsolutePath().normalize());
    }

    int size() {
        return byFile.size();
    }
}
