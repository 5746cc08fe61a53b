package dev.quarry.spl.parser;

import dev.quarry.spl.Unescape;
import dev.quarry.spl.ast.Aggregation;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.ConvertCommand;
import dev.quarry.spl.ast.EvalCommand;
import dev.quarry.spl.ast.Expr;
import dev.quarry.spl.ast.FieldsCommand;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.RenameCommand;
import dev.quarry.spl.ast.SearchCommand;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SearchLiteral;
import dev.quarry.spl.ast.SourceSpan;
import dev.quarry.spl.ast.StatsCommand;
import dev.quarry.spl.ast.TableCommand;
import dev.quarry.spl.ast.TstatsCommand;
import dev.quarry.spl.ast.WhereCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.antlr.v4.runtime.ParserRuleContext;
import org.antlr.v4.runtime.Token;
import org.antlr.v4.runtime.tree.ParseTree;
import org.antlr.v4.runtime.tree.TerminalNode;

/** Turns ANTLR parse trees of {@link SplParser} into the immutable syntax tree of {@code dev.quarry.spl.ast}. */
public final class AstBuilder {
    private AstBuilder() {
    }

    public static Pipeline query(SplParser.QueryContext ctx) {
        List<Command> commands = new ArrayList<>();
        if (ctx.searchCommand() != null) {
            commands.add(searchCommand(ctx.searchCommand()));
        } else if (ctx.implicitSearch() != null) {
            commands.add(new SearchCommand(search(ctx.implicitSearch().searchExpression()),
                    span(ctx.implicitSearch())));
        }
        for (SplParser.CommandContext c : ctx.command()) {
            commands.add(command(c));
        }
        return new Pipeline(commands, span(ctx));
    }

    static Pipeline subsearch(SplParser.SubsearchContext ctx) {
        List<Command> commands = new ArrayList<>();
        if (ctx.implicitSearch() != null) {
            commands.add(new SearchCommand(search(ctx.implicitSearch().searchExpression()),
                    span(ctx.implicitSearch())));
        }
        for (SplParser.CommandContext c : ctx.command()) {
            commands.add(command(c));
        }
        return new Pipeline(commands, span(ctx));
    }

    public static Expr standaloneExpression(SplParser.StandaloneExpressionContext ctx) {
        return expression(ctx.expression());
    }

    public static SearchExpr standaloneSearch(SplParser.StandaloneSearchContext ctx) {
        return ctx.searchExpression() == null ? null : search(ctx.searchExpression());
    }

    private static Command command(SplParser.CommandContext ctx) {
        ParseTree child = ctx.getChild(0);
        if (child instanceof SplParser.SearchCommandContext c) {
            return searchCommand(c);
        } else if (child instanceof SplParser.TstatsCommandContext c) {
            return tstats(c);
        } else if (child instanceof SplParser.RenameCommandContext c) {
            return rename(c);
        } else if (child instanceof SplParser.ConvertCommandContext c) {
            return convert(c);
        } else if (child instanceof SplParser.EvalCommandContext c) {
            return eval(c);
        } else if (child instanceof SplParser.WhereCommandContext c) {
            return new WhereCommand(expression(c.expression()), span(c));
        } else if (child instanceof SplParser.StatsCommandContext c) {
            return stats(c);
        } else if (child instanceof SplParser.TableCommandContext c) {
            return new TableCommand(fieldList(c.fieldList()), span(c));
        } else if (child instanceof SplParser.FieldsCommandContext c) {
            return fields(c);
        } else if (child instanceof SplParser.GenericCommandContext c) {
            return generic(c);
        }
        throw new IllegalStateException("unhandled command node " + child.getClass().getSimpleName());
    }

    // ---- search ---------------------------------------------------------------------------------------------

    private static SearchCommand searchCommand(SplParser.SearchCommandContext ctx) {
        SearchExpr filter = ctx.searchExpression() == null ? null : search(ctx.searchExpression());
        return new SearchCommand(filter, span(ctx));
    }

    static SearchExpr search(SplParser.SearchExpressionContext ctx) {
        List<SearchExpr> operands = new ArrayList<>();
        for (SplParser.SearchOrContext or : ctx.searchOr()) {
            operands.add(searchOr(or));
        }
        return operands.size() == 1 ? operands.get(0) : new SearchExpr.And(operands, span(ctx));
    }

    private static SearchExpr searchOr(SplParser.SearchOrContext ctx) {
        List<SearchExpr> operands = new ArrayList<>();
        for (SplParser.SearchUnaryContext u : ctx.searchUnary()) {
            operands.add(searchUnary(u));
        }
        return operands.size() == 1 ? operands.get(0) : new SearchExpr.Or(operands, span(ctx));
    }

    private static SearchExpr searchUnary(SplParser.SearchUnaryContext ctx) {
        if (ctx.NOT() != null) {
            return new SearchExpr.Not(searchUnary(ctx.searchUnary()), span(ctx));
        }
        return searchPrimary(ctx.searchPrimary());
    }

    private static SearchExpr searchPrimary(SplParser.SearchPrimaryContext ctx) {
        if (ctx instanceof SplParser.SearchGroupContext g) {
            return search(g.searchExpression());
        } else if (ctx instanceof SplParser.SearchInContext in) {
            List<SearchLiteral> values = new ArrayList<>();
            List<SplParser.SearchWordContext> words = in.searchWord();
            for (int i = 1; i < words.size(); i++) {
                values.add(literal(words.get(i)));
            }
            return new SearchExpr.In(name(in.field), values, span(in));
        } else if (ctx instanceof SplParser.SearchCompareContext c) {
            return new SearchExpr.Compare(name(c.field), compareOp(c.op), literal(c.value), span(c));
        } else if (ctx instanceof SplParser.SearchDirectiveContext d) {
            String kind = d.DIRECTIVE().getText();
            return new SearchExpr.Directive(kind.substring(0, kind.length() - 1), literal(d.searchWord()), span(d));
        } else if (ctx instanceof SplParser.SearchSubsearchContext s) {
            return new SearchExpr.Subsearch(subsearch(s.subsearch()), span(s));
        } else if (ctx instanceof SplParser.SearchTermContext t) {
            return new SearchExpr.Term(literal(t.searchWord()), span(t));
        }
        throw new IllegalStateException("unhandled search node " + ctx.getClass().getSimpleName());
    }

    private static SearchExpr.CompareOp compareOp(Token op) {
        return switch (op.getType()) {
            case SplParser.EQ -> SearchExpr.CompareOp.EQ;
            case SplParser.NEQ -> SearchExpr.CompareOp.NEQ;
            case SplParser.LT -> SearchExpr.CompareOp.LT;
            case SplParser.LTE -> SearchExpr.CompareOp.LTE;
            case SplParser.GT -> SearchExpr.CompareOp.GT;
            case SplParser.GTE -> SearchExpr.CompareOp.GTE;
            default -> throw new IllegalStateException("not a comparison: " + op.getText());
        };
    }

    private static SearchLiteral literal(SplParser.SearchWordContext ctx) {
        String text = ctx.getText();
        boolean quoted = ctx.STRING() != null;
        return new SearchLiteral(Unescape.argument(text), quoted, span(ctx));
    }

    /** A field or option name: quotes removed and unescaped. */
    private static String name(SplParser.SearchWordContext ctx) {
        return Unescape.argument(ctx.getText());
    }

    // ---- tstats and stats --------------------------------------------------------------------------------------

    private static TstatsCommand tstats(SplParser.TstatsCommandContext ctx) {
        Map<String, String> options = options(ctx.option());
        String dataset = null;
        if (ctx.datasetSpec() != null) {
            SplParser.DatasetSpecContext spec = ctx.datasetSpec();
            if (spec.option() != null) {
                String key = spec.option().name.getText().toLowerCase(Locale.ROOT);
                String value = Unescape.argument(spec.option().value.getText());
                dataset = key.equals("datamodel") ? value : key + "=" + value;
            } else {
                dataset = Unescape.argument(spec.searchWord().getText());
            }
        }
        SearchExpr where = ctx.searchExpression() == null ? null : search(ctx.searchExpression());
        List<String> by = new ArrayList<>();
        Map<String, String> byOptions = new LinkedHashMap<>();
        groupBy(ctx.groupBy(), by, byOptions);
        return new TstatsCommand(options, aggregations(ctx.aggregations()), dataset, where, by, byOptions, span(ctx));
    }

    private static StatsCommand stats(SplParser.StatsCommandContext ctx) {
        String name = ctx.getStart().getText().toLowerCase(Locale.ROOT);
        List<String> by = new ArrayList<>();
        Map<String, String> byOptions = new LinkedHashMap<>();
        groupBy(ctx.groupBy(), by, byOptions);
        return new StatsCommand(name, options(ctx.option()), aggregations(ctx.aggregations()), by, byOptions,
                span(ctx));
    }

    private static void groupBy(SplParser.GroupByContext ctx, List<String> by, Map<String, String> byOptions) {
        if (ctx == null) {
            return;
        }
        for (SplParser.GroupItemContext item : ctx.groupItem()) {
            if (item.option() != null) {
                byOptions.put(item.option().name.getText().toLowerCase(Locale.ROOT),
                        Unescape.argument(item.option().value.getText()));
            } else {
                by.add(name(item.searchWord()));
            }
        }
    }

    private static Map<String, String> options(List<SplParser.OptionContext> ctxs) {
        Map<String, String> options = new LinkedHashMap<>();
        for (SplParser.OptionContext o : ctxs) {
            options.put(o.name.getText().toLowerCase(Locale.ROOT), Unescape.argument(o.value.getText()));
        }
        return options;
    }

    private static List<Aggregation> aggregations(SplParser.AggregationsContext ctx) {
        List<Aggregation> result = new ArrayList<>();
        for (SplParser.AggregationContext a : ctx.aggregation()) {
            String function = a.function.getText();
            String field = null;
            Expr evalArgument = null;
            String text = function;
            if (a.argument instanceof SplParser.FieldArgumentContext f) {
                field = name(f.searchWord());
                text = function + "(" + field + ")";
            } else if (a.argument instanceof SplParser.EvalArgumentContext e) {
                evalArgument = expression(e.expression());
                text = function + "(" + originalText(e) + ")";
            }
            String alias = a.alias == null ? null : aliasName(a.alias);
            result.add(new Aggregation(function, field, evalArgument, alias, text, span(a)));
        }
        return result;
    }

    private static String aliasName(SplParser.AliasNameContext ctx) {
        StringBuilder sb = new StringBuilder(name(ctx.searchWord(0)));
        if (ctx.LPAREN() != null) {
            sb.append('(');
            if (ctx.searchWord().size() > 1) {
                sb.append(name(ctx.searchWord(1)));
            }
            sb.append(')');
        }
        return sb.toString();
    }

    // ---- field commands ------------------------------------------------------------------------------------------

    private static RenameCommand rename(SplParser.RenameCommandContext ctx) {
        List<RenameCommand.Rename> renames = new ArrayList<>();
        for (SplParser.RenameClauseContext r : ctx.renameClause()) {
            renames.add(new RenameCommand.Rename(name(r.from), name(r.to), span(r)));
        }
        return new RenameCommand(renames, span(ctx));
    }

    private static ConvertCommand convert(SplParser.ConvertCommandContext ctx) {
        List<ConvertCommand.Conversion> conversions = new ArrayList<>();
        for (SplParser.ConvertFunctionContext f : ctx.convertFunction()) {
            conversions.add(new ConvertCommand.Conversion(f.function.getText().toLowerCase(Locale.ROOT),
                    name(f.field), f.alias == null ? null : name(f.alias), span(f)));
        }
        return new ConvertCommand(options(ctx.option()), conversions, span(ctx));
    }

    private static List<String> fieldList(SplParser.FieldListContext ctx) {
        List<String> fields = new ArrayList<>();
        if (ctx != null) {
            for (SplParser.AliasNameContext w : ctx.aliasName()) {
                fields.add(aliasName(w));
            }
        }
        return fields;
    }

    private static FieldsCommand fields(SplParser.FieldsCommandContext ctx) {
        List<String> fields = fieldList(ctx.fieldList());
        boolean remove = false;
        if (!fields.isEmpty() && (fields.get(0).equals("-") || fields.get(0).equals("+"))) {
            remove = fields.get(0).equals("-");
            fields = fields.subList(1, fields.size());
        } else if (!fields.isEmpty() && fields.get(0).startsWith("-") && fields.get(0).length() > 1) {
            remove = true;
            fields = new ArrayList<>(fields);
            fields.set(0, fields.get(0).substring(1));
        }
        return new FieldsCommand(remove, fields, span(ctx));
    }

    private static GenericCommand generic(SplParser.GenericCommandContext ctx) {
        String name = ctx.name.getText().toLowerCase(Locale.ROOT);
        List<String> arguments = new ArrayList<>();
        List<Pipeline> subsearches = new ArrayList<>();
        for (SplParser.CommandArgumentContext a : ctx.commandArgument()) {
            if (a.subsearch() != null) {
                subsearches.add(subsearch(a.subsearch()));
                arguments.add("[" + (subsearches.size() - 1) + "]");
            } else {
                arguments.add(a.getText());
            }
        }
        return new GenericCommand(name, arguments, subsearches, span(ctx));
    }

    // ---- eval --------------------------------------------------------------------------------------------------------

    private static EvalCommand eval(SplParser.EvalCommandContext ctx) {
        List<EvalCommand.Assignment> assignments = new ArrayList<>();
        for (SplParser.AssignmentContext a : ctx.assignment()) {
            assignments.add(new EvalCommand.Assignment(assignmentTarget(a.target), expression(a.expression()),
                    span(a)));
        }
        return new EvalCommand(assignments, span(ctx));
    }

    private static String assignmentTarget(SplParser.AssignmentTargetContext ctx) {
        StringBuilder sb = new StringBuilder();
        for (ParseTree child : ctx.children) {
            if (child instanceof SplParser.FieldNameContext f) {
                sb.append(fieldName(f));
            } else if (child instanceof TerminalNode t && t.getSymbol().getType() == SplParser.STRING) {
                sb.append(Unescape.argument(t.getText()));
            } else {
                sb.append(child.getText());
            }
        }
        return sb.toString();
    }

    private static String fieldName(SplParser.FieldNameContext ctx) {
        return ctx.E_QUOTED_NAME() != null ? Unescape.quotedName(ctx.getText()) : ctx.getText();
    }

    static Expr expression(SplParser.ExpressionContext ctx) {
        SourceSpan span = span(ctx);
        if (ctx instanceof SplParser.ParenExprContext p) {
            return expression(p.expression());
        } else if (ctx instanceof SplParser.CallExprContext c) {
            List<Expr> args = new ArrayList<>();
            for (SplParser.ExpressionContext e : c.expression()) {
                args.add(expression(e));
            }
            return new Expr.Call(c.functionName().getText().toLowerCase(Locale.ROOT), args, span);
        } else if (ctx instanceof SplParser.NumberExprContext n) {
            String text = n.getText();
            return new Expr.NumberLiteral(Double.parseDouble(text), text, span);
        } else if (ctx instanceof SplParser.StringExprContext s) {
            return new Expr.StringLiteral(Unescape.argument(s.getText()), span);
        } else if (ctx instanceof SplParser.FieldExprContext f) {
            return new Expr.FieldRef(fieldName(f.fieldName()), span);
        } else if (ctx instanceof SplParser.NegateExprContext n) {
            return new Expr.Unary(Expr.UnaryOp.NEGATE, expression(n.expression()), span);
        } else if (ctx instanceof SplParser.NotExprContext n) {
            return new Expr.Unary(Expr.UnaryOp.NOT, expression(n.expression()), span);
        } else if (ctx instanceof SplParser.MultiplyExprContext m) {
            return binary(m.op, m.expression(0), m.expression(1), span);
        } else if (ctx instanceof SplParser.AddExprContext a) {
            return binary(a.op, a.expression(0), a.expression(1), span);
        } else if (ctx instanceof SplParser.CompareExprContext c) {
            return binary(c.op, c.expression(0), c.expression(1), span);
        } else if (ctx instanceof SplParser.EqualExprContext e) {
            return binary(e.op, e.expression(0), e.expression(1), span);
        } else if (ctx instanceof SplParser.AndExprContext a) {
            return new Expr.Binary(Expr.BinaryOp.AND, expression(a.expression(0)), expression(a.expression(1)), span);
        } else if (ctx instanceof SplParser.OrExprContext o) {
            return new Expr.Binary(Expr.BinaryOp.OR, expression(o.expression(0)), expression(o.expression(1)), span);
        } else if (ctx instanceof SplParser.XorExprContext x) {
            return new Expr.Binary(Expr.BinaryOp.XOR, expression(x.expression(0)), expression(x.expression(1)), span);
        } else if (ctx instanceof SplParser.LikeExprContext l) {
            return new Expr.Like(expression(l.expression(0)), expression(l.expression(1)), l.NOT() != null, span);
        } else if (ctx instanceof SplParser.InExprContext in) {
            List<SplParser.ExpressionContext> all = in.expression();
            List<Expr> candidates = new ArrayList<>();
            for (int i = 1; i < all.size(); i++) {
                candidates.add(expression(all.get(i)));
            }
            return new Expr.InList(expression(all.get(0)), candidates, in.NOT() != null, span);
        }
        throw new IllegalStateException("unhandled expression node " + ctx.getClass().getSimpleName());
    }

    private static Expr binary(Token op, SplParser.ExpressionContext left, SplParser.ExpressionContext right,
            SourceSpan span) {
        Expr.BinaryOp kind = switch (op.getType()) {
            case SplParser.E_STAR -> Expr.BinaryOp.MULTIPLY;
            case SplParser.E_SLASH -> Expr.BinaryOp.DIVIDE;
            case SplParser.E_PERCENT -> Expr.BinaryOp.MODULO;
            case SplParser.E_PLUS -> Expr.BinaryOp.ADD;
            case SplParser.E_MINUS -> Expr.BinaryOp.SUBTRACT;
            case SplParser.E_DOT -> Expr.BinaryOp.CONCAT;
            case SplParser.LT -> Expr.BinaryOp.LT;
            case SplParser.LTE -> Expr.BinaryOp.LTE;
            case SplParser.GT -> Expr.BinaryOp.GT;
            case SplParser.GTE -> Expr.BinaryOp.GTE;
            case SplParser.EQ, SplParser.E_EQEQ -> Expr.BinaryOp.EQ;
            case SplParser.NEQ -> Expr.BinaryOp.NEQ;
            default -> throw new IllegalStateException("not a binary operator: " + op.getText());
        };
        return new Expr.Binary(kind, expression(left), expression(right), span);
    }

    // ---- positions ---------------------------------------------------------------------------------------------------

    static SourceSpan span(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        int stopIndex = stop == null || stop.getType() == Token.EOF ? start.getStartIndex() : stop.getStopIndex() + 1;
        return new SourceSpan(start.getStartIndex(), Math.max(start.getStartIndex(), stopIndex), start.getLine(),
                start.getCharPositionInLine() + 1);
    }

    static SourceSpan span(TerminalNode node) {
        Token t = node.getSymbol();
        return new SourceSpan(t.getStartIndex(), t.getStopIndex() + 1, t.getLine(), t.getCharPositionInLine() + 1);
    }

    /** The source text of a rule including hidden whitespace between its tokens. */
    private static String originalText(ParserRuleContext ctx) {
        Token start = ctx.getStart();
        Token stop = ctx.getStop();
        return start.getInputStream().getText(org.antlr.v4.runtime.misc.Interval.of(start.getStartIndex(),
                stop.getStopIndex()));
    }
}
