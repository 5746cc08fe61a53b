package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;
import java.util.IdentityHashMap;

/**
 * A JSON object whose values are scalars or arrays of scalars, read with Jackson's streaming parser instead of as
 * a tree: the shape of flattened Windows exports (Security-Datasets, NXLog), and the most common line in practice.
 * Its fields are in the order a tree would keep them, with each value as text exactly as
 * {@link JsonFlattener#scalarText} renders the tree's node, so events built from it equal those built from the tree.
 */
final class FlatJson {
    /** Field names are interned, so equal names are the same object and a repeated name is found by identity. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private String[] names = new String[64];
    /** Each value as text, or null for JSON null, or a {@code String[]} for an array (null elements kept). */
    private Object[] texts = new Object[64];
    private int size;
    /**
     * Positions of the names once an object has many, so that a hostile line with thousands of keys costs linear
     * time. Real events have a few dozen fields and use the scan.
     */
    private IdentityHashMap<String, Integer> index;
    private static final int LINEAR_SEARCH_LIMIT = 64;

    private FlatJson() {
    }

    /**
     * Reads {@code bytes[from, to)}, or returns null when it is not a JSON object of scalars or is not valid JSON,
     * so that the caller takes the tree path, which handles and reports every case.
     */
    static FlatJson read(byte[] bytes, int from, int to) {
        try (JsonParser p = FACTORY.createParser(bytes, from, to - from)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            FlatJson o = new FlatJson();
            while (true) {
                JsonToken t = p.nextToken();
                if (t == JsonToken.END_OBJECT) {
                    return o;
                }
                if (t != JsonToken.FIELD_NAME) {
                    return null;
                }
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if (v == JsonToken.START_ARRAY) {
                    String[] elements = array(p);
                    if (elements == null) {
                        return null;
                    }
                    o.put(name, elements);
                } else if (v.isScalarValue()) {
                    o.put(name, scalar(p, v));
                } else {
                    return null;
                }
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    /** The elements of an array of scalars, the parser past its end; null for an array holding containers. */
    private static String[] array(JsonParser p) throws IOException {
        String[] elements = new String[4];
        int n = 0;
        while (true) {
            JsonToken t = p.nextToken();
            if (t == JsonToken.END_ARRAY) {
                return Arrays.copyOf(elements, n);
            }
            if (t == null || !t.isScalarValue()) {
                return null;
            }
            if (n == elements.length) {
                elements = Arrays.copyOf(elements, n * 2);
            }
            elements[n++] = scalar(p, t);
        }
    }

    /** A scalar as text, or null for JSON null. */
    private static String scalar(JsonParser p, JsonToken t) throws IOException {
        return switch (t) {
            case VALUE_STRING -> p.getText();
            case VALUE_NUMBER_INT -> integerText(p);
            case VALUE_NUMBER_FLOAT -> BigDecimal.valueOf(p.getDoubleValue()).stripTrailingZeros().toPlainString();
            case VALUE_TRUE -> "true";
            case VALUE_FALSE -> "false";
            default -> null;
        };
    }

    /** An integer as the tree renders it: by its value, so {@code -0} reads {@code 0}. */
    private static String integerText(JsonParser p) throws IOException {
        return switch (p.getNumberType()) {
            case INT -> Integer.toString(p.getIntValue());
            case LONG -> Long.toString(p.getLongValue());
            default -> p.getBigIntegerValue().toString();
        };
    }

    /** A repeated name keeps its first place and takes the last value, as the tree's object does. */
    private void put(String name, Object text) {
        if (index != null) {
            Integer at = index.get(name);
            if (at != null) {
                texts[at] = text;
                return;
            }
        } else {
            for (int i = 0; i < size; i++) {
                if (names[i] == name) {
                    texts[i] = text;
                    return;
                }
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        names[size] = name;
        texts[size] = text;
        size++;
        if (index != null) {
            index.put(name, size - 1);
        } else if (size == LINEAR_SEARCH_LIMIT) {
            index = new IdentityHashMap<>();
            for (int i = 0; i < size; i++) {
                index.put(names[i], i);
            }
        }
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    /** The value as text, or null for JSON null or an array. */
    String text(int i) {
        return texts[i] instanceof String t ? t : null;
    }

    /** The elements of an array value as text (null for a null element), or null when the value is no array. */
    String[] elements(int i) {
        return texts[i] instanceof String[] a ? a : null;
    }

    /** True when the object has the field, even with a null value. */
    boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of the field as text; null when it is absent, null or an array. */
    String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : text(i);
    }

    /** True when the field's value is an array. */
    boolean isArray(String name) {
        int i = indexOf(name);
        return i >= 0 && texts[i] instanceof String[];
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name || names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
