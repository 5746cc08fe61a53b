package dev.quarry.spl.ast;

import java.util.List;

/** {@code table f1 f2 ...}: keeps the listed fields (wildcards allowed) in that order. */
public record TableCommand(List<String> fields, SourceSpan span) implements Command {
    public TableCommand {
        fields = List.copyOf(fields);
    }

    @Override
    public String name() {
        return "table";
    }
}
