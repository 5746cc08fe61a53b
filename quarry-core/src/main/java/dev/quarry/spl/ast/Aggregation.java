package dev.quarry.spl.ast;

/**
 * One statistical function of {@code stats} or {@code tstats}: {@code count}, {@code values(f) as v},
 * {@code count(eval(x>1))}. {@code field} and {@code evalArgument} are null when absent; {@code alias} is null
 * without {@code AS}, and then the output field is named by {@link #text()}, as Splunk names it.
 */
public record Aggregation(String function, String field, Expr evalArgument, String alias, String text,
        SourceSpan span) {

    /** Returns the output field name: the alias, else the function text such as {@code min(_time)}. */
    public String outputName() {
        return alias != null ? alias : text;
    }
}
