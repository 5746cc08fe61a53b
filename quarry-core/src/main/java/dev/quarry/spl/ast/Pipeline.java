package dev.quarry.spl.ast;

import java.util.List;

/** A search: commands in the order data flows through them. */
public record Pipeline(List<Command> commands, SourceSpan span) {
    public Pipeline {
        commands = List.copyOf(commands);
    }
}
