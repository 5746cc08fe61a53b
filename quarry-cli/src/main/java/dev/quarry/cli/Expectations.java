package dev.quarry.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * The expected rows of {@code content check --expect}: a YAML list of entries with {@code detection}, {@code rows}
 * and {@code why}. Only the counts are compared; {@code why} records the reasoning that the rows are right, and
 * must not be empty, so that every expectation was looked at by someone.
 */
final class Expectations {
    private Expectations() {
    }

    /** Reads the file into detection name to expected rows; a malformed entry is a usage error naming it. */
    static Map<String, Integer> read(Path file) {
        JsonNode root;
        try {
            root = new ObjectMapper(new YAMLFactory()).readTree(file.toFile());
        } catch (IOException e) {
            throw new UsageException("cannot read expectations " + file + ": " + e.getMessage());
        }
        if (root == null || !root.isArray()) {
            throw new UsageException(file + ": expected a YAML list of entries with detection, rows and why");
        }
        Map<String, Integer> expected = new LinkedHashMap<>();
        int index = 0;
        for (JsonNode entry : root) {
            index++;
            JsonNode name = entry.get("detection");
            JsonNode rows = entry.get("rows");
            JsonNode why = entry.get("why");
            if (name == null || !name.isTextual() || rows == null || !rows.isIntegralNumber() || !rows.canConvertToInt() || rows.asInt() < 0
                    || why == null || why.asText().isBlank()) {
                throw new UsageException(file + ", entry " + index + ": expected detection (text), rows (a count"
                        + " of 0 or more) and why (the reasoning, not empty)");
            }
            if (expected.put(name.asText(), rows.asInt()) != null) {
                throw new UsageException(file + ", entry " + index + ": detection '" + name.asText()
                        + "' is listed twice");
            }
        }
        return expected;
    }

    /** The differences between expected and actual row counts, one line each, in name order. */
    static List<String> compare(Map<String, Integer> expected, Map<String, Integer> actual) {
        List<String> differences = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(expected.keySet());
        actual.forEach((name, rows) -> {
            if (rows > 0) {
                names.add(name);
            }
        });
        for (String name : names) {
            Integer want = expected.get(name);
            Integer got = actual.get(name);
            if (want == null) {
                differences.add(name + ": returned " + got + " rows, and has no entry");
            } else if (got == null) {
                differences.add(name + ": expected " + want + " rows, but it did not run (not found, unsupported"
                        + " or failed)");
            } else if (!want.equals(got)) {
                differences.add(name + ": expected " + want + " rows, got " + got);
            }
        }
        return differences;
    }
}
