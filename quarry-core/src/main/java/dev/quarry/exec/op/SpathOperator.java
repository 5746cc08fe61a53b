package dev.quarry.exec.op;

import com.fasterxml.jackson.databind.JsonNode;
import dev.quarry.exec.JsonFields;
import dev.quarry.exec.Row;
import dev.quarry.exec.SpathPath;
import dev.quarry.exec.Value;
import dev.quarry.exec.XmlFields;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spath}: reads JSON or XML text from a field and sets fields from it. With a path it sets the output
 * field to the values at that path. Without one it sets a field for every value in the document, named by its
 * path. Text that starts with {@code {} or {@code [} is read as JSON, text that starts with {@code <} as XML, and
 * anything else, or text that does not parse, sets nothing. Each value of a multivalue input is read in turn and
 * the results are joined. A path that matches nothing leaves the output field as it was.
 */
public final class SpathOperator implements Operator {
    private final String input;
    private final String output;
    private final SpathPath path;
    private final Operator next;

    /** {@code path} is null for the mode that extracts every value; {@code output} is then unused. */
    public SpathOperator(String input, String output, SpathPath path, Operator next) {
        this.input = input;
        this.output = output;
        this.path = path;
        this.next = next;
    }

    @Override
    public void push(Row row) {
        Value v = row.get(input);
        if (v != null) {
            Map<String, List<String>> fields = new LinkedHashMap<>();
            for (Value one : Value.list(v)) {
                extract(one.text(), fields);
            }
            for (Map.Entry<String, List<String>> f : fields.entrySet()) {
                row.put(f.getKey(), Value.ofStrings(f.getValue()));
            }
        }
        next.push(row);
    }

    private void extract(String text, Map<String, List<String>> fields) {
        String trimmed = text.stripLeading();
        if (trimmed.startsWith("{") || trimmed.startsWith("[")) {
            JsonNode root = JsonFields.parse(text);
            if (root != null) {
                merge(fields, path == null ? JsonFields.all(root) : single(JsonFields.select(root, path)));
            }
        } else if (trimmed.startsWith("<")) {
            XmlFields.Element root = XmlFields.parse(text);
            if (root != null) {
                merge(fields, path == null ? XmlFields.all(root) : single(XmlFields.select(root, path)));
            }
        }
    }

    private Map<String, List<String>> single(List<String> values) {
        return values.isEmpty() ? Map.of() : Map.of(output, values);
    }

    private static void merge(Map<String, List<String>> into, Map<String, List<String>> from) {
        for (Map.Entry<String, List<String>> e : from.entrySet()) {
            into.computeIfAbsent(e.getKey(), k -> new ArrayList<>()).addAll(e.getValue());
        }
    }

    @Override
    public void finish() {
        next.finish();
    }
}
