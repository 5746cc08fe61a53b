package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Arrays;

/**
 * A JSON object whose values are all scalars, read with Jackson's streaming parser instead of as a tree: the shape
 * of flattened Windows exports (Security-Datasets, NXLog), and the most common line in practice. Its fields are
 * in the order a tree would keep them, with each value as text exactly as {@link JsonFlattener#scalarText} renders
 * the tree's node, so events built from it equal those built from the tree.
 */
final class FlatJson {
    /** Field names are interned, so equal names are the same object and a repeated name is found by identity. */
    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES)
            .enable(JsonFactory.Feature.INTERN_FIELD_NAMES)
            .build();

    private String[] names = new String[64];
    /** Each value as text, or null for JSON null. */
    private String[] texts = new String[64];
    private int size;

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
                String text;
                switch (v) {
                    case VALUE_STRING -> text = p.getText();
                    case VALUE_NUMBER_INT -> text = integerText(p);
                    case VALUE_NUMBER_FLOAT -> text = BigDecimal.valueOf(p.getDoubleValue()).stripTrailingZeros()
                            .toPlainString();
                    case VALUE_TRUE -> text = "true";
                    case VALUE_FALSE -> text = "false";
                    case VALUE_NULL -> text = null;
                    default -> {
                        return null;
                    }
                }
                o.put(name, text);
            }
        } catch (IOException | RuntimeException e) {
            return null;
        }
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
    private void put(String name, String text) {
        for (int i = 0; i < size; i++) {
            if (names[i] == name) {
                texts[i] = text;
                return;
            }
        }
        if (size == names.length) {
            names = Arrays.copyOf(names, size * 2);
            texts = Arrays.copyOf(texts, size * 2);
        }
        names[size] = name;
        texts[size] = text;
        size++;
    }

    int size() {
        return size;
    }

    String name(int i) {
        return names[i];
    }

    /** The value as text, or null for JSON null. */
    String text(int i) {
        return texts[i];
    }

    /** True when the object has the field, even with a null value. */
    boolean has(String name) {
        return indexOf(name) >= 0;
    }

    /** The value of the field as text; null when it is absent or null. */
    String get(String name) {
        int i = indexOf(name);
        return i < 0 ? null : texts[i];
    }

    private int indexOf(String name) {
        for (int i = 0; i < size; i++) {
            if (names[i].equals(name)) {
                return i;
            }
        }
        return -1;
    }
}
