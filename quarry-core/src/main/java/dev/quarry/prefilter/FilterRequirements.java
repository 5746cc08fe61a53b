package dev.quarry.prefilter;

import dev.quarry.exec.ValuePattern;
import dev.quarry.exec.WildcardPattern;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SearchLiteral;
import java.util.function.Function;

/**
 * Derives what a search-language filter requires of an event's raw text. A condition {@code field=value} on a
 * field whose value is copied from the raw text requires the value's longest literal run to occur in the raw text,
 * unless a constant the field can take also matches the value (then nothing is required). OR takes the union of
 * its operands' literals, AND keeps its most selective operand, and NOT, {@code !=} and ordering comparisons
 * require nothing.
 */
public final class FilterRequirements {
    /** Shortest literal worth searching for: shorter ones occur in almost every event. */
    static final int MIN_LITERAL = 3;

    private FilterRequirements() {
    }

    /**
     * Returns the requirement of {@code filter}; {@code origins} maps each field name, as the filter writes it, to
     * where its values come from.
     */
    public static Requirement of(SearchExpr filter, Function<String, Origin> origins) {
        if (filter == null) {
            return Requirement.ALWAYS;
        }
        if (filter instanceof SearchExpr.And and) {
            Requirement r = Requirement.ALWAYS;
            for (SearchExpr e : and.operands()) {
                r = r.and(of(e, origins));
            }
            return r;
        }
        if (filter instanceof SearchExpr.Or or) {
            Requirement r = Requirement.NEVER;
            for (SearchExpr e : or.operands()) {
                r = r.or(of(e, origins));
            }
            return r;
        }
        if (filter instanceof SearchExpr.Compare c) {
            if (c.op() != SearchExpr.CompareOp.EQ) {
                return Requirement.ALWAYS;
            }
            if (c.field().equals("source")) {
                return source(c.value());
            }
            return equality(origins.apply(c.field()), c.value());
        }
        if (filter instanceof SearchExpr.In in) {
            Origin origin = origins.apply(in.field());
            Requirement r = Requirement.NEVER;
            for (SearchLiteral v : in.values()) {
                r = r.or(in.field().equals("source") ? source(v) : equality(origin, v));
            }
            return r;
        }
        if (filter instanceof SearchExpr.Term t) {
            return literalOf(t.value().text());
        }
        return Requirement.ALWAYS;
    }

    /**
     * {@code source=XmlWinEventLog:<channel>}: Windows events get their source from their channel, which their raw
     * text contains. Other sources are computed by the readers and require nothing.
     */
    private static Requirement source(SearchLiteral value) {
        String prefix = "xmlwineventlog:";
        String text = value.text();
        if (text.length() > prefix.length() && text.regionMatches(true, 0, prefix, 0, prefix.length())) {
            Requirement channel = literalOf(text.substring(prefix.length()));
            return channel.always() ? channel : Requirement.sourceLiteral(channel.literals().iterator().next());
        }
        return Requirement.ALWAYS;
    }

    private static Requirement equality(Origin origin, SearchLiteral value) {
        if (!(ValuePattern.compile(value.text()) instanceof WildcardPattern pattern)) {
            // CIDR notation matches addresses that need not contain its text.
            return Requirement.ALWAYS;
        }
        if (origin.unknown()) {
            return Requirement.ALWAYS;
        }
        for (String constant : origin.constants()) {
            if (pattern.matches(constant)) {
                return Requirement.ALWAYS;
            }
        }
        if (!origin.raw()) {
            return Requirement.NEVER;
        }
        return literalOf(value.text());
    }

    /** The longest run of the value that surely appears verbatim in JSON or XML text, or ALWAYS when too short. */
    static Requirement literalOf(String value) {
        String best = "";
        StringBuilder run = new StringBuilder();
        for (int i = 0; i <= value.length(); i++) {
            char c = i < value.length() ? value.charAt(i) : '*';
            if (safe(c)) {
                run.append(c);
            } else {
                if (run.length() > best.length()) {
                    best = run.toString();
                }
                run.setLength(0);
            }
        }
        return best.length() >= MIN_LITERAL ? Requirement.literal(best) : Requirement.ALWAYS;
    }

    /**
     * Characters that JSON and XML writers keep as they are: printable ASCII except the ones they may escape
     * ({@code " \ & < > ' /}) and the wildcard.
     */
    static boolean safe(char c) {
        return c >= 0x20 && c < 0x7F && c != '"' && c != '\\' && c != '&' && c != '<' && c != '>' && c != '\'' && c != '/'
                && c != '*';
    }
}
