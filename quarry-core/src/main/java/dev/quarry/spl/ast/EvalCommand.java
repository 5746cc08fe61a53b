package dev.quarry.spl.ast;

import java.util.List;

/** {@code eval f=expr, g=expr}: assignments run left to right, and later ones see earlier results. */
public record EvalCommand(List<Assignment> assignments, SourceSpan span) implements Command {
    public EvalCommand {
        assignments = List.copyOf(assignments);
    }

    @Override
    public String name() {
        return "eval";
    }

    public record Assignment(String field, Expr value, SourceSpan span) {
    }
}
