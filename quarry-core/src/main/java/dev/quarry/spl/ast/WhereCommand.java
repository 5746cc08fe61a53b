package dev.quarry.spl.ast;

/** {@code where expr}: keeps rows for which the eval expression is true. */
public record WhereCommand(Expr condition, SourceSpan span) implements Command {
    @Override
    public String name() {
        return "where";
    }
}
