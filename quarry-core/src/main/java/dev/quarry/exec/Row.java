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

    /**
     * The time of the raw event this row was made from, in epoch seconds, while the row still stands where the
     * input put it; null for every other row. Splunk returns raw events newest first but Quarry reads them in
     * input order, so commands whose result depends on row order put such rows newest first before using them.
     */
    private Double rawEventTime;

    public Row() {
        this.fields = new LinkedHashMap<>();
    }

    /** Copies the fields and the raw event time, so that the copies of one event keep its place in time. */
    public Row(Row other) {
        this.fields = new LinkedHashMap<>(other.fields);
        this.rawEventTime = other.rawEventTime;
    }

    /** Returns the time of the raw event this row still stands for in input order, or null. */
    public Double rawEventTime() {
        return rawEventTime;
    }

    /**
     * Marks the row as a raw event read at {@code epochSeconds}, or with null as a row whose place in the
     * pipeline is its order, as a command that has put rows in order leaves them.
     */
    public void setRawEventTime(Double epochSeconds) {
        this.rawEventTime = epochSeconds;
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
