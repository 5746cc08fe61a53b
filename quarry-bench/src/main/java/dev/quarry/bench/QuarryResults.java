package dev.quarry.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result rows of a {@code quarry hunt --format jsonl} run, by detection name. Each row maps its fields to
 * text; a multivalue field's values are joined with newlines, as Quarry renders a multivalue as text.
 */
final class QuarryResults {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, List<Map<String, String>>> rowsByDetection;

    private QuarryResults(Map<String, List<Map<String, String>>> rowsByDetection) {
        this.rowsByDetection = rowsByDetection;
    }

    /** Reads a hunt's JSON lines output; each line is one result row with a {@code detection} field. */
    static QuarryResults read(Path file) throws IOException {
        Map<String, List<Map<String, String>>> rows = new HashMap<>();
        try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            String line;
            int number = 0;
            while ((line = in.readLine()) != null) {
                number++;
                if (line.isBlank()) {
                    continue;
                }
                JsonNode node = JSON.readTree(line);
                if (!node.isObject() || !node.has("detection")) {
                    throw new IOException(file + " line " + number + ": expected a result object with a "
                            + "'detection' field");
                }
                Map<String, String> row = new LinkedHashMap<>();
                node.fields().forEachRemaining(e -> row.put(e.getKey(), text(e.getValue())));
                rows.computeIfAbsent(node.get("detection").asText(), k -> new ArrayList<>()).add(row);
            }
        }
        return new QuarryResults(rows);
    }

    /** Returns the rows of one detection, or an empty list when it returned none. */
    List<Map<String, String>> rows(String detection) {
        return rowsByDetection.getOrDefault(detection, List.of());
    }

    private static String text(JsonNode value) {
        if (value.isArray()) {
            List<String> parts = new ArrayList<>();
            value.forEach(v -> parts.add(text(v)));
            return String.join("\n", parts);
        }
        return value.isNull() ? null : value.asText();
    }
}
