package dev.quarry.exec;

import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SearchLiteral;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Compiles search-language filters into {@link RowPredicate}s with Splunk's semantics:
 * <ul>
 *   <li>{@code f=v} is true when any value of {@code f} matches the pattern {@code v} (whole value,
 *       case-insensitive, {@code *} wildcard); false when {@code f} is absent.</li>
 *   <li>{@code f!=v} is true when {@code f} is present and none of its values matches, so events without
 *       {@code f} are dropped; {@code NOT f=v} keeps them. {@code f!=*} never matches.</li>
 *   <li>{@code < <= > >=} compare numerically when both sides are numbers, else as strings.</li>
 *   <li>A bare term matches when {@code _raw} (or, without {@code _raw}, any field value) contains it as a
 *       whole token, case-insensitively; {@code *} alone matches everything.</li>
 * </ul>
 */
public final class SearchPredicates {
    private SearchPredicates() {
    }

    /** Compiles a filter; a null filter keeps everything. */
    public static RowPredicate compile(SearchExpr expr) {
        return compile(expr, UnaryOperator.identity());
    }

    /**
     * Compiles a filter, rewriting each field name with {@code fieldName} first (for example to read
     * {@code Processes.dest} from a dataset record).
     */
    public static RowPredicate compile(SearchExpr expr, UnaryOperator<String> fieldName) {
        if (expr == null) {
            return RowPredicate.ALWAYS;
        }
        if (expr instanceof SearchExpr.And and) {
            RowPredicate[] parts = compileAll(and.operands(), fieldName);
            return fields -> {
                for (RowPredicate p : parts) {
                    if (!p.test(fields)) {
                        return false;
                    }
                }
                return true;
            };
        }
        if (expr instanceof SearchExpr.Or or) {
            RowPredicate[] parts = compileAll(or.operands(), fieldName);
            return fields -> {
                for (RowPredicate p : parts) {
                    if (p.test(fields)) {
                        return true;
                    }
                }
                return false;
            };
        }
        if (expr instanceof SearchExpr.Not not) {
            RowPredicate inner = compile(not.operand(), fieldName);
            return fields -> !inner.test(fields);
        }
        if (expr instanceof SearchExpr.Compare c) {
            return compare(fieldName.apply(c.field()), c.op(), c.value());
        }
        if (expr instanceof SearchExpr.In in) {
            String field = fieldName.apply(in.field());
            ValuePattern[] patterns = in.values().stream().map(v -> ValuePattern.compile(v.text()))
                    .toArray(ValuePattern[]::new);
            return fields -> anyValueMatches(fields.get(field), patterns);
        }
        if (expr instanceof SearchExpr.Term t) {
            return term(t.value());
        }
        if (expr instanceof SearchExpr.Directive d) {
            if (d.kind().equals("CASE")) {
                return caseSensitiveTerm(d.value());
            }
            return term(d.value());
        }
        throw new UnsupportedOperationException("subsearch used as a search filter: Splunk runs it before the"
                + " outer search and turns its rows into field=value conditions, which would need a second pass over"
                + " the events, and Quarry reads them once");
    }

    private static RowPredicate[] compileAll(List<SearchExpr> operands, UnaryOperator<String> fieldName) {
        List<RowPredicate> list = new ArrayList<>();
        for (SearchExpr e : operands) {
            list.add(compile(e, fieldName));
        }
        return list.toArray(new RowPredicate[0]);
    }

    private static RowPredicate compare(String field, SearchExpr.CompareOp op, SearchLiteral literal) {
        ValuePattern pattern = ValuePattern.compile(literal.text());
        ValuePattern[] patterns = {pattern};
        switch (op) {
            case EQ:
                if (pattern.matchesAnything()) {
                    return fields -> fields.get(field) != null;
                }
                return fields -> anyValueMatches(fields.get(field), patterns);
            case NEQ:
                return fields -> {
                    Value v = fields.get(field);
                    return v != null && !anyValueMatches(v, patterns);
                };
            default:
                Value bound = Value.str(literal.text());
                return fields -> {
                    Value v = fields.get(field);
                    if (v == null) {
                        return false;
                    }
                    for (Value one : Value.list(v)) {
                        int c = Values.compare(one, bound);
                        boolean ok = switch (op) {
                            case LT -> c < 0;
                            case LTE -> c <= 0;
                            case GT -> c > 0;
                            case GTE -> c >= 0;
                            default -> false;
                        };
                        if (ok) {
                            return true;
                        }
                    }
                    return false;
                };
        }
    }

    static boolean anyValueMatches(Value v, ValuePattern[] patterns) {
        if (v == null) {
            return false;
        }
        if (v instanceof Value.Multi m) {
            for (Value one : m.values()) {
                if (matchesAny(one, patterns)) {
                    return true;
                }
            }
            return false;
        }
        return matchesAny(v, patterns);
    }

    private static boolean matchesAny(Value one, ValuePattern[] patterns) {
        Value.Str str = one instanceof Value.Str s ? s : new Value.Str(one.text());
        for (ValuePattern p : patterns) {
            if (p.matches(str)) {
                return true;
            }
        }
        return false;
    }

    /** {@code CASE(x)}: a term matched with its case, here as a whole field value or {@code _raw} token. */
    private static RowPredicate caseSensitiveTerm(SearchLiteral literal) {
        java.util.regex.Pattern p = java.util.regex.Pattern.compile(
                java.util.regex.Pattern.quote(literal.text()).replace("*", "\\E.*\\Q"), java.util.regex.Pattern.DOTALL);
        return fields -> RawTerms.containsTerm(fields, token -> p.matcher(token).matches());
    }

    private static RowPredicate term(SearchLiteral literal) {
        WildcardPattern pattern = WildcardPattern.compile(literal.text());
        if (pattern.matchesAnything()) {
            return RowPredicate.ALWAYS;
        }
        if (RawTerms.hasBreaker(literal.text())) {
            WildcardPattern phrase = WildcardPattern.compile("*" + literal.text() + "*");
            return fields -> RawTerms.containsPhrase(fields, phrase);
        }
        if (!pattern.hasWildcard()) {
            String folded = CaseFold.fold(literal.text());
            return fields -> RawTerms.containsExactTerm(fields, folded);
        }
        return fields -> RawTerms.containsTerm(fields, pattern::matches);
    }
}
