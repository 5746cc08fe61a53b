package dev.quarry.evtx;

import java.util.Objects;

/** Character data, with entity and character references already resolved. */
public record Text(String value) implements Node {

    public Text {
        Objects.requireNonNull(value, "value");
    }
}
