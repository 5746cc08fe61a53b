package dev.quarry.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.function.BiConsumer;

/**
 * Flattens a JSON object into Splunk-style field names: nested objects join their keys with a dot, arrays add
 * {@code {}} to the name ({@code findings{}.name}), and every scalar becomes a string. Arrays of scalars become
 * multivalue fields because the consumer is called once per element under the same name.
 */
final class JsonFlattener {
    /** Deepest nesting followed; deeper values are rendered as JSON text, which bounds recursion on hostile input. */
    static final int MAX_DEPTH = 32;

    private JsonFlattener() {
    }

    static void flatten(JsonNode node, String prefix, BiConsumer<String, String> out) {
        flatten(node, prefix, out, 0);
    }

    private static void flatten(JsonNode node, String prefix, BiConsumer<String, String> out, int depth) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            return;
        }
        if (depth >= MAX_DEPTH && node.isContainerNode()) {
            out.accept(prefix, node.toString());
            return;
        }
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = node.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                String key = prefix.isEmpty() ? e.getKey() : prefix + "." + e.getKey();
                flatten(e.getValue(), key, out, depth + 1);
            }
        } else if (node.isArray()) {
            String key = prefix + "{}";
            for (JsonNode element : node) {
                flatten(element, key, out, depth + 1);
            }
        } else {
            out.accept(prefix, scalarText(node));
        }
    }

    /** Returns a scalar as text: strings as they are, numbers in plain notation, booleans as true/false. */
    static String scalarText(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBigDecimal() || node.isDouble() || node.isFloat()) {
            return node.decimalValue().stripTrailingZeros().toPlainString();
        }
        return node.asText();
    }
}
