package dev.quarry.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One result row: field names (case-sensitive) to values, in insertion order. Rows are mutable and owned by
 * the operator that holds them: an operator that passes a row on no longer touches it.
 */
public final class Row implements FieldSource {
    private final LinkedHashMap<String, Value> fields;

    public Row() {
        this.fields = new LinkedHashMap<>();
    }

    public Row(Row other) {
        this.fields = new LinkedHashMap<>(other.fields);
    }

    @Override
    public Value get(String name) {
        return fields.get(name);
    }

    /** Sets a field; a null value removes it, because null means absent. */
    public Row put(String name, Value value) {
        if (value == null) {
            fields.remove(name);
        } else {
            fields.put(name, value);
        }
        return this;
    }

    /**
     * Renames fields in place, keeping each renamed field at its position; a field already holding a target name
     * is replaced. {@code renames} maps old names to new names.
     */
    public void renameAll(Map<String, String> renames) {
        if (renames.isEmpty()) {
            return;
        }
        LinkedHashMap<String, Value> rebuilt = new LinkedHashMap<>();
        java.util.Set<String> targets = new java.util.HashSet<>(renames.values());
        for (Map.Entry<String, Value> e : fields.entrySet()) {
            String target = renames.get(e.getKey());
            if (target != null) {
                rebuilt.put(target, e.getValue());
            } else if (!targets.contains(e.getKey())) {
                rebuilt.put(e.getKey(), e.getValue());
            }
        }
        fields.clear();
        fields.putAll(rebuilt);
    }

    public Value remove(String name) {
        return fields.remove(name);
    }

    public boolean has(String name) {
        return fields.containsKey(name);
    }

    public Set<String> names() {
        return fields.keySet();
    }

    /** A snapshot of the field names, safe to iterate while the row changes. */
    public List<String> nameList() {
        return new ArrayList<>(fields.keySet());
    }

    public Map<String, Value> asMap() {
        return java.util.Collections.unmodifiableMap(fields);
    }

    public int size() {
        return fields.size();
    }

    @Override
    public String toString() {
        return fields.toString();
    }
}
