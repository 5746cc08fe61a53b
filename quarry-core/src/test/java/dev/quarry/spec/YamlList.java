package dev.quarry.spec;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;

/** Wraps one YAML node in a list, for cases that give a single event instead of a list. */
final class YamlList {
    private YamlList() {
    }

    static JsonNode of(JsonNode node) {
        return JsonNodeFactory.instance.arrayNode().add(node);
    }
}
