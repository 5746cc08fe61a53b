package dev.quarry.spl.ast;

import java.util.List;

/**
 * A filter in the search language (the {@code search} command, the implied first search and {@code tstats ...
 * where}). Values compare case-insensitively against the whole field value with {@code *} as the only
 * wildcard; field names are case-sensitive.
 */
public sealed interface SearchExpr {
    SourceSpan span();

    record And(List<SearchExpr> operands, SourceSpan span) implements SearchExpr {
        public And {
            operands = List.copyOf(operands);
        }
    }

    record Or(List<SearchExpr> operands, SourceSpan span) implements SearchExpr {
        public Or {
            operands = List.copyOf(operands);
        }
    }

    record Not(SearchExpr operand, SourceSpan span) implements SearchExpr {
    }

    /** {@code field op value}, for example {@code Processes.process=*urlcache*} or {@code bytes_in>65000}. */
    record Compare(String field, CompareOp op, SearchLiteral value, SourceSpan span) implements SearchExpr {
    }

    /** {@code field IN (v1, v2, ...)}, the same as {@code field=v1 OR field=v2 OR ...}. */
    record In(String field, List<SearchLiteral> values, SourceSpan span) implements SearchExpr {
        public In {
            values = List.copyOf(values);
        }
    }

    /** A bare keyword or quoted phrase, searched in {@code _raw}. */
    record Term(SearchLiteral value, SourceSpan span) implements SearchExpr {
    }

    /** {@code TERM(x)}, {@code CASE(x)} or {@code PREFIX(x)}. */
    record Directive(String kind, SearchLiteral value, SourceSpan span) implements SearchExpr {
    }

    /** A bracketed subsearch used as a filter. */
    record Subsearch(Pipeline pipeline, SourceSpan span) implements SearchExpr {
    }

    enum CompareOp {
        EQ("="), NEQ("!="), LT("<"), LTE("<="), GT(">"), GTE(">=");

        private final String symbol;

        CompareOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
