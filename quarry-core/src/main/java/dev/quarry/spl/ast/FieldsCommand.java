package dev.quarry.spl.ast;

import java.util.List;

/** {@code fields f1 f2} keeps the listed fields; {@code fields - f1} removes them. */
public record FieldsCommand(boolean remove, List<String> fields, SourceSpan span) implements Command {
    public FieldsCommand {
        fields = List.copyOf(fields);
    }

    @Override
    public String name() {
        return "fields";
    }
}
