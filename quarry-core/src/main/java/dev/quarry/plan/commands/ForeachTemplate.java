package dev.quarry.plan.commands;

import dev.quarry.exec.op.ForeachOperator.FieldMatch;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.EvalCommand;
import dev.quarry.spl.ast.Expr;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * The template of a {@code foreach}: its eval commands with the placeholders ({@code <<FIELD>>},
 * {@code <<MATCHSTR>>}, {@code <<MATCHSEG1>>} to {@code <<MATCHSEG3>>}, or the strings the command renamed them
 * to) still in field names and strings. For each field that a row has, the placeholders are replaced in the syntax
 * tree and the result is planned like any other commands. The plans are cached per match, up to a limit, because
 * the same fields come back row after row.
 *
 * <p>Replacing in the tree rather than in the text means a field name is always read as one name, even when it
 * holds characters ({@code :}, {@code -}) that the text would need quotes for.
 */
final class ForeachTemplate {
    /** At most this many distinct matches keep their plans. */
    static final int CACHED_PLANS = 10_000;

    /** The placeholder strings, as the command names them ({@code fieldstr=}, {@code matchstr=}, ...). */
    record Placeholders(String field, String matchString, List<String> segments) {
        Placeholders {
            segments = List.copyOf(segments);
        }
    }

    private final List<EvalCommand> commands;
    private final Placeholders placeholders;
    private final PlanContext context;
    private final Map<FieldMatch, List<Stage>> plans = new ConcurrentHashMap<>();

    ForeachTemplate(List<EvalCommand> commands, Placeholders placeholders, PlanContext context) {
        this.commands = List.copyOf(commands);
        this.placeholders = placeholders;
        this.context = context;
    }

    /** Returns the planned commands for one match, planning them on first use. */
    List<Stage> stages(FieldMatch match) {
        List<Stage> stages = plans.get(match);
        if (stages == null) {
            stages = plan(match);
            if (plans.size() < CACHED_PLANS) {
                plans.put(match, stages);
            }
        }
        return stages;
    }

    /** Plans the template for {@code match}; errors in the template itself show when planning any match. */
    List<Stage> plan(FieldMatch match) {
        UnaryOperator<String> replace = text -> replace(text, match);
        List<Command> substituted = new ArrayList<>(commands.size());
        for (EvalCommand eval : commands) {
            List<EvalCommand.Assignment> assignments = new ArrayList<>();
            for (EvalCommand.Assignment a : eval.assignments()) {
                assignments.add(new EvalCommand.Assignment(replace.apply(a.field()), rewrite(a.value(), replace),
                        a.span()));
            }
            substituted.add(new EvalCommand(assignments, eval.span()));
        }
        return context.planStages(substituted);
    }

    private String replace(String text, FieldMatch match) {
        String out = text.replace(placeholders.field(), match.field())
                .replace(placeholders.matchString(), match.matchString());
        for (int i = 0; i < placeholders.segments().size(); i++) {
            String segment = i < match.segments().size() ? match.segments().get(i) : "";
            out = out.replace(placeholders.segments().get(i), segment);
        }
        return out;
    }

    /** Copies an expression with {@code replace} applied to every field name and string literal in it. */
    static Expr rewrite(Expr e, UnaryOperator<String> replace) {
        if (e instanceof Expr.StringLiteral s) {
            return new Expr.StringLiteral(replace.apply(s.value()), s.span());
        }
        if (e instanceof Expr.FieldRef f) {
            return new Expr.FieldRef(replace.apply(f.name()), f.span());
        }
        if (e instanceof Expr.NumberLiteral) {
            return e;
        }
        if (e instanceof Expr.Call c) {
            return new Expr.Call(c.name(), rewriteAll(c.arguments(), replace), c.span());
        }
        if (e instanceof Expr.Unary u) {
            return new Expr.Unary(u.op(), rewrite(u.operand(), replace), u.span());
        }
        if (e instanceof Expr.Binary b) {
            return new Expr.Binary(b.op(), rewrite(b.left(), replace), rewrite(b.right(), replace), b.span());
        }
        if (e instanceof Expr.InList in) {
            return new Expr.InList(rewrite(in.value(), replace), rewriteAll(in.candidates(), replace),
                    in.negated(), in.span());
        }
        if (e instanceof Expr.Like l) {
            return new Expr.Like(rewrite(l.value(), replace), rewrite(l.pattern(), replace), l.negated(),
                    l.span());
        }
        throw new IllegalStateException("unhandled expression node " + e.getClass().getSimpleName());
    }

    private static List<Expr> rewriteAll(List<Expr> list, UnaryOperator<String> replace) {
        List<Expr> out = new ArrayList<>(list.size());
        for (Expr x : list) {
            out.add(rewrite(x, replace));
        }
        return out;
    }
}
