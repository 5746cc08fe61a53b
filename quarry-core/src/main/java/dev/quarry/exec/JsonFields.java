package dev.quarry.exec;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.JsonNodeFeature;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * JSON text as {@code spath} reads it. Values render as text: strings without quotes, numbers as written,
 * {@code true}, {@code false} and {@code null} as those words, and objects and arrays as compact JSON.
 */
public final class JsonFields {
    private static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.USE_BIG_DECIMAL_FOR_FLOATS)
            .configure(JsonNodeFeature.STRIP_TRAILING_BIGDECIMAL_ZEROES, false);

    private JsonFields() {
    }

    /** Parses a JSON document; returns null when the text is not valid JSON. */
    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            return null;
        }
    }

    /**
     * Returns every scalar of the document under its path, in document order: object members joined with dots
     * ({@code a.b}) and array elements marked with {@code {}} ({@code a{}.b}).
     */
    public static Map<String, List<String>> all(JsonNode root) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect(root, "", out);
        return out;
    }

    private static void collect(JsonNode node, String path, Map<String, List<String>> out) {
        if (node.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> f = fields.next();
                collect(f.getValue(), path.isEmpty() ? f.getKey() : path + "." + f.getKey(), out);
            }
        } else if (node.isArray()) {
            for (JsonNode element : node) {
                collect(element, path + "{}", out);
            }
        } else if (!path.isEmpty()) {
            out.computeIfAbsent(path, k -> new ArrayList<>()).add(render(node));
        }
    }

    /** Returns the values at a path, in document order; arrays are entered only through a selector. */
    public static List<String> select(JsonNode root, SpathPath path) {
        List<JsonNode> current = List.of(root);
        for (SpathPath.Step step : path.steps()) {
            List<JsonNode> next = new ArrayList<>();
            for (JsonNode node : current) {
                if (step.name().isEmpty()) {
                    next.add(node);
                } else if (node.isObject() && node.has(step.name())) {
                    next.add(node.get(step.name()));
                }
            }
            for (SpathPath.Selector selector : step.selectors()) {
                next = apply(selector, next);
            }
            current = next;
        }
        List<String> out = new ArrayList<>(current.size());
        for (JsonNode node : current) {
            out.add(render(node));
        }
        return out;
    }

    private static List<JsonNode> apply(SpathPath.Selector selector, List<JsonNode> nodes) {
        List<JsonNode> out = new ArrayList<>();
        for (JsonNode node : nodes) {
            if (!node.isArray()) {
                continue;
            }
            if (selector instanceof SpathPath.All) {
                node.forEach(out::add);
            } else if (selector instanceof SpathPath.Index index && index.position() <= node.size()) {
                out.add(node.get(index.position() - 1));
            }
        }
        return out;
    }

    private static String render(JsonNode node) {
        if (node.isTextual()) {
            return node.textValue();
        }
        if (node.isBigDecimal()) {
            return node.decimalValue().toPlainString();
        }
        if (node.isContainerNode()) {
            try {
                return MAPPER.writeValueAsString(node);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("a parsed JSON value could not be written back", e);
            }
        }
        return node.asText();
    }
}
