package dev.quarry.content;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Lookup tables known to the content: CSV files in {@code lookups/} folders, by file name and by the name of the
 * lookup definition (the YAML beside it) that points at them.
 */
public final class Lookups {
    /** A lookup definition: the CSV file and its matching options from the YAML definition. */
    public record Definition(String name, Path file, boolean caseSensitive, java.util.List<String> wildcardFields,
            java.util.List<String> cidrFields, int maxMatches, String origin) {
        public Definition {
            wildcardFields = java.util.List.copyOf(wildcardFields);
            cidrFields = java.util.List.copyOf(cidrFields);
        }
    }

    private final Map<String, Definition> byName = new LinkedHashMap<>();

    public void add(Definition d) {
        byName.put(d.name(), d);
    }

    /** Finds a lookup by definition name, or by CSV file name (as {@code inputlookup x.csv} refers to it). */
    public Optional<Definition> find(String name) {
        Definition d = byName.get(name);
        if (d != null) {
            return Optional.of(d);
        }
        for (Definition candidate : byName.values()) {
            if (candidate.file().getFileName().toString().equals(name)) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    public int size() {
        return byName.size();
    }
}
