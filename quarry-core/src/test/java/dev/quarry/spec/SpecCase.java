package dev.quarry.spec;

import com.fasterxml.jackson.databind.JsonNode;

/** One case of a spec file, with the rule it belongs to, for test names and failure messages. */
record SpecCase(String file, String rule, String name, JsonNode node) {
    String displayName() {
        return name;
    }

    String where() {
        return file + " / " + rule + " / " + name;
    }
}
