package dev.quarry.evtx;

import java.util.Objects;

/** A CDATA section, kept apart from {@link Text} so the renderer can write it back as CDATA. */
public record CData(String value) implements Node {

    public CData {
        Objects.requireNonNull(value, "value");
    }
}
