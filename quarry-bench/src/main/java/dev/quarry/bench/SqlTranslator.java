package dev.quarry.bench;

import dev.quarry.plan.TimeSpans;
import dev.quarry.spl.ast.Aggregation;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SearchLiteral;
import dev.quarry.spl.ast.TstatsCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Translates a {@code tstats} search over {@code Endpoint.Processes} into one SQL query over the
 * {@code processes} relation that {@link ProcessesView} defines, keeping the search language's semantics:
 *
 * <ul>
 *   <li>{@code f=v} compares the whole value case-insensitively ({@code lower(f)} against the lowercased
 *       pattern), with {@code *} as the only wildcard; {@code %}, {@code _} and the escape character are
 *       escaped, so they match only themselves.</li>
 *   <li>Every comparison is made two-valued ({@code false}, never {@code NULL}, for a missing field), so that
 *       {@code NOT f=v} keeps rows without {@code f}, while {@code f!=v} is written as "{@code f} is present and
 *       does not match" and drops them. {@code f=*} tests presence and {@code f!=*} is false.</li>
 *   <li>The tree is translated as Quarry's parser built it, so the search language's precedence (OR binds
 *       tighter than AND) is already in its shape; every operand is parenthesized.</li>
 * </ul>
 *
 * <p>Only {@code =}, {@code !=}, {@code IN}, {@code AND}, {@code OR} and {@code NOT} are translated; a where
 * clause with anything else (relational operators, bare terms, {@code TERM()}, subsearches) raises
 * {@link Untranslatable}. Lowercasing uses DuckDB's {@code lower()} and Java's root-locale lowercasing, which
 * agree with Quarry's per-character case folding for every letter except a few special cases such as the
 * dotted capital I.
 */
final class SqlTranslator {
    /** The escape character of every generated LIKE pattern. */
    private static final char ESCAPE = '\\';

    /** Statistical functions this translator writes in SQL. */
    private static final Set<String> FUNCTIONS = Set.of("count", "dc", "distinct_count", "values", "min", "max",
            "earliest", "latest", "sum", "avg");

    private final Set<String> columns;

    /** Creates a translator for a relation with the given columns; other fields read as NULL. */
    SqlTranslator(Set<String> columns) {
        this.columns = Set.copyOf(columns);
    }

    /** Raised for a construct this translator does not write in SQL; the message names it. */
    static final class Untranslatable extends Exception {
        private static final long serialVersionUID = 1L;

        Untranslatable(String message) {
            super(message);
        }
    }

    /**
     * Returns a query that yields the rows of {@code tstats}: one per group, the group-by values first (named by
     * their field names), then each function under its output name.
     */
    String query(TstatsCommand tstats, String relation) throws Untranslatable {
        String fill = tstats.options().get("fillnull_value");
        double spanSeconds = 0;
        for (var option : tstats.byOptions().entrySet()) {
            if (!option.getKey().equals("span")) {
                throw new Untranslatable("by-clause option " + option.getKey());
            }
            spanSeconds = TimeSpans.seconds(option.getValue(), tstats.span());
        }

        List<String> select = new ArrayList<>();
        List<String> required = new ArrayList<>();
        for (String field : tstats.by()) {
            String value = column(field);
            if (field.equals("_time") && spanSeconds > 0) {
                value = "floor(_time / " + spanSeconds + ") * " + spanSeconds;
            }
            if (fill != null) {
                value = "coalesce(CAST(" + value + " AS VARCHAR), " + literal(fill) + ")";
            } else {
                required.add(value + " IS NOT NULL");
            }
            select.add(value + " AS " + identifier(field));
        }
        for (Aggregation a : tstats.aggregations()) {
            select.add(aggregate(a) + " AS " + identifier(a.outputName()));
        }

        List<String> conditions = new ArrayList<>();
        SearchExpr where = withoutNodename(tstats.where());
        if (where != null) {
            conditions.add(predicate(where));
        }
        conditions.addAll(required);

        StringBuilder sql = new StringBuilder("SELECT ").append(String.join(", ", select))
                .append(" FROM ").append(relation);
        if (!conditions.isEmpty()) {
            sql.append(" WHERE ").append(String.join(" AND ", conditions));
        }
        if (!tstats.by().isEmpty()) {
            // GROUP BY ALL groups by the select expressions; an alias such as _time would bind to the column.
            sql.append(" GROUP BY ALL");
        }
        return sql.toString();
    }

    /** Returns a SQL condition that is true exactly where the search-language filter matches, never NULL. */
    String predicate(SearchExpr expr) throws Untranslatable {
        if (expr instanceof SearchExpr.And and) {
            return joined(and.operands(), " AND ");
        }
        if (expr instanceof SearchExpr.Or or) {
            return joined(or.operands(), " OR ");
        }
        if (expr instanceof SearchExpr.Not not) {
            return "(NOT " + predicate(not.operand()) + ")";
        }
        if (expr instanceof SearchExpr.Compare c) {
            return switch (c.op()) {
                case EQ -> matches(column(c.field()), c.value());
                case NEQ -> {
                    if (isMatchAll(c.value())) {
                        yield "false";
                    }
                    String column = column(c.field());
                    yield "(" + column + " IS NOT NULL AND NOT " + matches(column, c.value()) + ")";
                }
                default -> throw new Untranslatable("the comparison " + c.field() + c.op().symbol()
                        + c.value().text() + " (relational operators are not translated)");
            };
        }
        if (expr instanceof SearchExpr.In in) {
            List<String> alternatives = new ArrayList<>();
            String column = column(in.field());
            for (SearchLiteral v : in.values()) {
                alternatives.add(matches(column, v));
            }
            return alternatives.isEmpty() ? "false" : "(" + String.join(" OR ", alternatives) + ")";
        }
        if (expr instanceof SearchExpr.Term t) {
            throw new Untranslatable("the bare term " + t.value().text());
        }
        if (expr instanceof SearchExpr.Directive d) {
            throw new Untranslatable(d.kind() + "(" + d.value().text() + ")");
        }
        throw new Untranslatable("a subsearch in the where clause");
    }

    private String joined(List<SearchExpr> operands, String operator) throws Untranslatable {
        List<String> parts = new ArrayList<>();
        for (SearchExpr e : operands) {
            parts.add(predicate(e));
        }
        return "(" + String.join(operator, parts) + ")";
    }

    /** {@code column} matches the pattern: presence for {@code *}, else a case-insensitive whole-value match. */
    private static String matches(String column, SearchLiteral value) {
        String text = value.text();
        if (isMatchAll(value)) {
            return "(" + column + " IS NOT NULL)";
        }
        String lowered = text.toLowerCase(Locale.ROOT);
        String test;
        if (text.indexOf('*') < 0) {
            test = "lower(" + column + ") = " + literal(lowered);
        } else {
            test = "lower(" + column + ") LIKE " + literal(likePattern(lowered)) + " ESCAPE " + literal(
                    String.valueOf(ESCAPE));
        }
        return "coalesce(" + test + ", false)";
    }

    /** True for a value made only of {@code *}, which matches every present value. */
    private static boolean isMatchAll(SearchLiteral value) {
        String text = value.text();
        return !text.isEmpty() && text.chars().allMatch(c -> c == '*');
    }

    /** Turns a search-language pattern into a LIKE pattern: {@code *} to {@code %}, other specials escaped. */
    static String likePattern(String pattern) {
        StringBuilder sb = new StringBuilder(pattern.length() + 8);
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '*') {
                sb.append('%');
            } else if (c == '%' || c == '_' || c == ESCAPE) {
                sb.append(ESCAPE).append(c);
            } else {
                sb.append(c);
            }
        }
        return sb.toString();
    }

    private String aggregate(Aggregation a) throws Untranslatable {
        String function = a.function().toLowerCase(Locale.ROOT);
        if (!FUNCTIONS.contains(function) || a.evalArgument() != null) {
            throw new Untranslatable("the statistical function " + a.text());
        }
        if (a.field() == null) {
            if (function.equals("count")) {
                return "count(*)";
            }
            throw new Untranslatable("the statistical function " + a.text() + " without a field");
        }
        String column = column(a.field());
        return switch (function) {
            case "count" -> "count(" + column + ")";
            case "dc", "distinct_count" -> "count(DISTINCT " + column + ")";
            case "values" -> "list(DISTINCT CAST(" + column + " AS VARCHAR) ORDER BY CAST(" + column
                    + " AS VARCHAR))";
            case "min" -> "min(" + column + ")";
            case "max" -> "max(" + column + ")";
            case "earliest" -> "arg_min(" + column + ", _time)";
            case "latest" -> "arg_max(" + column + ", _time)";
            case "sum" -> "sum(TRY_CAST(" + column + " AS DOUBLE))";
            case "avg" -> "avg(TRY_CAST(" + column + " AS DOUBLE))";
            default -> throw new Untranslatable("the statistical function " + a.text());
        };
    }

    /** Returns the column a tstats field reads: {@code x} for {@code Processes.x}, or NULL for an unknown field. */
    private String column(String field) {
        String name = field.startsWith(ProcessesView.OBJECT + ".")
                ? field.substring(ProcessesView.OBJECT.length() + 1) : field;
        return columns.contains(name) ? identifier(name) : "CAST(NULL AS VARCHAR)";
    }

    /** Removes a top-level {@code nodename=} term from a where clause, since it selects the dataset, not rows. */
    private static SearchExpr withoutNodename(SearchExpr where) {
        if (where instanceof SearchExpr.Compare c && c.field().equals("nodename")) {
            return null;
        }
        if (where instanceof SearchExpr.And and) {
            List<SearchExpr> kept = new ArrayList<>();
            for (SearchExpr e : and.operands()) {
                if (!(e instanceof SearchExpr.Compare c && c.field().equals("nodename"))) {
                    kept.add(e);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            return kept.size() == 1 ? kept.get(0) : new SearchExpr.And(kept, and.span());
        }
        return where;
    }

    static String identifier(String name) {
        return "\"" + name.replace("\"", "\"\"") + "\"";
    }

    static String literal(String text) {
        return "'" + text.replace("'", "''") + "'";
    }
}
