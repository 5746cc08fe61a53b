package dev.quarry.run;

import dev.quarry.exec.FieldSource;
import dev.quarry.prefilter.ValueKeys;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * The pipelines that read one kind of record (one dataset, or raw events), indexed by the exact field values
 * their filters require ({@link ValueKeys}). {@link #forEachCandidate} visits the pipelines without keys and those
 * whose keys the record has, each once; the others could not accept the record, so they are not asked. Which
 * pipelines are visited never changes a result, only how many filters run per record.
 *
 * @param <T> what is indexed
 */
final class DispatchIndex<T> {
    private final List<T> unkeyed = new ArrayList<>();
    /** Field, then folded value, then the entries that require it. */
    private final Map<String, Map<String, List<Slot<T>>>> keyed = new HashMap<>();
    private final List<Slot<T>> slots = new ArrayList<>();
    private String[] fields = new String[0];
    private long visit;

    /** An entry and the last visit that reached it, so an entry reached by two keys is visited once. */
    private static final class Slot<T> {
        final T value;
        long seen = -1;

        Slot(T value) {
            this.value = value;
        }
    }

    void add(T value, ValueKeys keys) {
        if (keys == null) {
            unkeyed.add(value);
            return;
        }
        Slot<T> slot = new Slot<>(value);
        slots.add(slot);
        keys.anyOf().forEach((field, values) -> {
            Map<String, List<Slot<T>>> byValue = keyed.computeIfAbsent(field, f -> new HashMap<>());
            for (String v : values) {
                byValue.computeIfAbsent(v, x -> new ArrayList<>()).add(slot);
            }
        });
        fields = keyed.keySet().toArray(new String[0]);
    }

    boolean isEmpty() {
        return unkeyed.isEmpty() && slots.isEmpty();
    }

    /** Entries indexed by value; the others are tested on every record. */
    int keyedCount() {
        return slots.size();
    }

    int unkeyedCount() {
        return unkeyed.size();
    }

    /** Calls {@code action} with each entry that could accept {@code record}: unkeyed ones first, in order added. */
    void forEachCandidate(FieldSource record, Consumer<T> action) {
        for (T t : unkeyed) {
            action.accept(t);
        }
        if (fields.length == 0) {
            return;
        }
        long now = ++visit;
        for (String field : fields) {
            Map<String, List<Slot<T>>> byValue = keyed.get(field);
            ValueKeys.recordKeys(record, field, key -> {
                List<Slot<T>> hit = byValue.get(key);
                if (hit == null) {
                    return;
                }
                for (Slot<T> slot : hit) {
                    if (slot.seen != now) {
                        slot.seen = now;
                        action.accept(slot.value);
                    }
                }
            });
        }
    }
}
