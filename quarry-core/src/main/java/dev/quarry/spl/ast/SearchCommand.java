package dev.quarry.spl.ast;

/**
 * {@code search}, written or implied at the start of a query. A null filter (an empty {@code search}) keeps
 * every row.
 */
public record SearchCommand(SearchExpr filter, SourceSpan span) implements Command {
    @Override
    public String name() {
        return "search";
    }
}
