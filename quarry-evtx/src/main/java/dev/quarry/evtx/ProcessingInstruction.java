package dev.quarry.evtx;

import java.util.Objects;

/** An XML processing instruction ({@code <?target data?>}), as some providers log them. */
public record ProcessingInstruction(String target, String data) implements Node {

    public ProcessingInstruction {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(data, "data");
    }
}
