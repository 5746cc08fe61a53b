package dev.quarry.ingest;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * One raw event as a reader produced it: its time, where it came from, and its fields in source order.
 *
 * <p>Field names are case-sensitive, as in Splunk. A field holds one string or, for repeated elements such as
 * unnamed {@code <Data>} values, several; a field is never present with zero values. Events are immutable.
 */
public final class Event {
    private final long timeMicros;
    private final String sourceType;
    private final String source;
    private final Origin origin;
    private final String[] names;
    private final Object[] values;
    /** Open-addressing hash table over {@link #names}: each slot holds a field's index plus one, or 0. */
    private final int[] slots;
    private final Supplier<String> raw;

    private Event(long timeMicros, String sourceType, String source, Origin origin, String[] names, Object[] values,
            int[] slots, Supplier<String> raw) {
        this.timeMicros = timeMicros;
        this.sourceType = sourceType;
        this.source = source;
        this.origin = origin;
        this.names = names;
        this.values = values;
        this.slots = slots;
        this.raw = raw;
    }

    /**
     * The event's text as it was read, Splunk's {@code _raw}: the XML of an XML event, the rendered XML of an EVTX
     * record, the line of a JSON event; null when the reader kept none. Rendered on each call where the reader
     * stored a recipe rather than text.
     */
    public String raw() {
        return raw == null ? null : raw.get();
    }

    /** Event time in microseconds since the Unix epoch, UTC. */
    public long timeMicros() {
        return timeMicros;
    }

    /** Splunk sourcetype this event would carry, for example {@code XmlWinEventLog}. */
    public String sourceType() {
        return sourceType;
    }

    /** Splunk source this event would carry, for example {@code XmlWinEventLog:Security}. */
    public String source() {
        return source;
    }

    public Origin origin() {
        return origin;
    }

    /** Returns the first value of a field, or null when the event has no such field. */
    public String get(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return null;
        }
        Object v = values[i];
        return v instanceof String s ? s : ((String[]) v)[0];
    }

    /** Returns every value of a field (an empty list when absent). */
    public List<String> getAll(String name) {
        int i = indexOf(name);
        if (i < 0) {
            return List.of();
        }
        Object v = values[i];
        return v instanceof String s ? List.of(s) : List.of((String[]) v);
    }

    /** Returns this event with another source and sourcetype, as a replay of test data assigns them. */
    public Event withSource(String newSource, String newSourceType) {
        return new Event(timeMicros, newSourceType == null ? sourceType : newSourceType,
                newSource == null ? source : newSource, origin, names, values, slots, raw);
    }

    /** Returns this event with its raw text set. */
    Event withRaw(Supplier<String> rawText) {
        return new Event(timeMicros, sourceType, source, origin, names, values, slots, rawText);
    }

    public boolean has(String name) {
        return indexOf(name) >= 0;
    }

    public int fieldCount() {
        return names.length;
    }

    public String fieldName(int i) {
        return names[i];
    }

    /** Visits every field in source order with its single value or its {@code List<String>} of values. */
    public void forEachField(BiConsumer<String, List<String>> visitor) {
        for (int i = 0; i < names.length; i++) {
            Object v = values[i];
            visitor.accept(names[i], v instanceof String s ? List.of(s) : List.of((String[]) v));
        }
    }

    private int indexOf(String name) {
        return find(slots, names, name);
    }

    /** Index of {@code name} among {@code names} through the hash table {@code slots}, or -1. */
    private static int find(int[] slots, String[] names, String name) {
        int mask = slots.length - 1;
        int h = spread(name.hashCode()) & mask;
        while (true) {
            int s = slots[h];
            if (s == 0) {
                return -1;
            }
            if (names[s - 1].equals(name)) {
                return s - 1;
            }
            h = (h + 1) & mask;
        }
    }

    private static int spread(int hash) {
        return hash ^ (hash >>> 16);
    }

    /** A table for {@code n} names, at most half full. */
    private static int[] emptyTable(int n) {
        int size = 16;
        while (size < n * 2) {
            size <<= 1;
        }
        return new int[size];
    }

    private static void insert(int[] slots, String name, int index) {
        int mask = slots.length - 1;
        int h = spread(name.hashCode()) & mask;
        while (slots[h] != 0) {
            h = (h + 1) & mask;
        }
        slots[h] = index + 1;
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder("Event[").append(origin).append(' ');
        for (int i = 0; i < names.length; i++) {
            Object v = values[i];
            sb.append(names[i]).append('=').append(v instanceof String s ? s : Arrays.toString((String[]) v)).append(' ');
        }
        return sb.append(']').toString();
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Collects fields; adding a name twice makes the field multivalued. */
    public static final class Builder {
        private long timeMicros = Long.MIN_VALUE;
        private String sourceType = "";
        private String source = "";
        private Origin origin = Origin.UNKNOWN;
        private String[] names = new String[32];
        private Object[] values = new Object[32];
        private int size;
        private int[] slots = emptyTable(32);
        private Supplier<String> raw;

        /** Sets the event's raw text, or a way to render it when asked. */
        public Builder raw(Supplier<String> raw) {
            this.raw = raw;
            return this;
        }

        public Builder time(long micros) {
            this.timeMicros = micros;
            return this;
        }

        public boolean hasTime() {
            return timeMicros != Long.MIN_VALUE;
        }

        public Builder sourceType(String sourceType) {
            this.sourceType = Objects.requireNonNull(sourceType);
            return this;
        }

        public Builder source(String source) {
            this.source = Objects.requireNonNull(source);
            return this;
        }

        public Builder origin(Origin origin) {
            this.origin = Objects.requireNonNull(origin);
            return this;
        }

        private int indexOf(String name) {
            return find(slots, names, name);
        }

        private void append(String name, Object value) {
            if (size == names.length) {
                names = Arrays.copyOf(names, size * 2);
                values = Arrays.copyOf(values, size * 2);
            }
            names[size] = name;
            values[size] = value;
            size++;
            if (size * 2 > slots.length) {
                rehash();
            } else {
                insert(slots, name, size - 1);
            }
        }

        private void rehash() {
            slots = emptyTable(size);
            for (int i = 0; i < size; i++) {
                insert(slots, names[i], i);
            }
        }

        /** Adds a value; a null value is ignored so that absent stays absent. */
        public Builder add(String name, String value) {
            if (value == null) {
                return this;
            }
            int i = indexOf(name);
            if (i < 0) {
                append(name, value);
            } else {
                Object old = values[i];
                String[] merged;
                if (old instanceof String s) {
                    merged = new String[] {s, value};
                } else {
                    String[] arr = (String[]) old;
                    merged = Arrays.copyOf(arr, arr.length + 1);
                    merged[arr.length] = value;
                }
                values[i] = merged;
            }
            return this;
        }

        /** Sets a field to one value, replacing any earlier value. */
        public Builder put(String name, String value) {
            int i = indexOf(name);
            if (value == null) {
                if (i >= 0) {
                    System.arraycopy(names, i + 1, names, i, size - i - 1);
                    System.arraycopy(values, i + 1, values, i, size - i - 1);
                    size--;
                    names[size] = null;
                    values[size] = null;
                    rehash();
                }
                return this;
            }
            if (i < 0) {
                append(name, value);
            } else {
                values[i] = value;
            }
            return this;
        }

        public String get(String name) {
            int i = indexOf(name);
            if (i < 0) {
                return null;
            }
            Object v = values[i];
            return v instanceof String s ? s : ((String[]) v)[0];
        }

        public Event build() {
            if (timeMicros == Long.MIN_VALUE) {
                throw new IllegalStateException("event time not set for " + origin);
            }
            return new Event(timeMicros, sourceType, source, origin, Arrays.copyOf(names, size),
                    Arrays.copyOf(values, size), slots.clone(), raw);
        }
    }
}
