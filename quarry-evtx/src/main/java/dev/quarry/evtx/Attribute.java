package dev.quarry.evtx;

import java.util.Objects;

/** An XML attribute with its value already rendered as text. */
public record Attribute(String name, String value) {

    public Attribute {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(value, "value");
    }
}
