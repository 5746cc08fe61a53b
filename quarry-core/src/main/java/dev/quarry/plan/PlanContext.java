package dev.quarry.plan;

import dev.quarry.cim.CimCatalog;
import dev.quarry.content.Lookups;
import dev.quarry.exec.CompileException;
import dev.quarry.exec.EvalCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.Evaluator;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.SearchPredicates;
import dev.quarry.exec.op.Limits;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.Expr;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.SearchExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The compilers, CIM catalog, lookups, memory limits and subsearch planning that command planners use. */
public final class PlanContext {
    private final Planner planner;
    private final List<QueryPlan> subsearches;

    PlanContext(Planner planner, List<QueryPlan> subsearches) {
        this.planner = planner;
        this.subsearches = subsearches;
    }

    public CimCatalog catalog() {
        return planner.catalog();
    }

    public EvalContext evalContext() {
        return planner.evalContext();
    }

    public Lookups lookups() {
        return planner.lookups();
    }

    /** Returns the limits that every operator which keeps rows or groups must be given. */
    public Limits limits() {
        return planner.limits();
    }

    public Evaluator compileExpression(Expr expr) {
        try {
            return new EvalCompiler(planner.evalContext()).compile(expr);
        } catch (CompileException e) {
            throw new PlanException(e.getMessage(), e.span(), e.unsupported());
        }
    }

    public RowPredicate compileSearch(SearchExpr expr) {
        return compileSearch(expr, UnaryOperator.identity());
    }

    public RowPredicate compileSearch(SearchExpr expr, UnaryOperator<String> fieldName) {
        rejectTimeModifiers(expr);
        try {
            return SearchPredicates.compile(expr, fieldName);
        } catch (UnsupportedOperationException e) {
            throw PlanException.unsupported(e.getMessage(), expr == null ? null : expr.span());
        }
    }

    /**
     * Rejects {@code earliest=} and {@code latest=} in a search. Splunk reads them as the search's time range, not
     * as fields; compared as fields they would match nothing, without a word. TODO: apply them as a range of
     * {@code _time} relative to the run's time.
     */
    private static void rejectTimeModifiers(SearchExpr expr) {
        if (expr instanceof SearchExpr.And and) {
            and.operands().forEach(PlanContext::rejectTimeModifiers);
        } else if (expr instanceof SearchExpr.Or or) {
            or.operands().forEach(PlanContext::rejectTimeModifiers);
        } else if (expr instanceof SearchExpr.Not not) {
            rejectTimeModifiers(not.operand());
        } else if (expr instanceof SearchExpr.Compare c && c.op() == SearchExpr.CompareOp.EQ
                && TIME_MODIFIERS.contains(c.field())) {
            String value = c.value().text();
            String instead = c.field().equals("earliest") ? "; filter with | where _time >= relative_time(now(), \""
                    + value + "\") and fix now() with --now" : c.field().equals("latest")
                    ? "; filter with | where _time < relative_time(now(), \"" + value + "\") and fix now() with --now"
                    : "";
            throw PlanException.unsupported("time modifier " + c.field() + "=" + value + " in a search" + instead,
                    c.span());
        }
    }

    private static final java.util.Set<String> TIME_MODIFIERS = java.util.Set.of("earliest", "latest",
            "_index_earliest", "_index_latest");

    /**
     * Plans a subsearch that reads events of its own (as {@code join} and {@code append} use them) and returns
     * its id for {@link RunBindings#subsearchResults}.
     */
    public int addSubsearch(Pipeline pipeline) {
        subsearches.add(planner.plan(pipeline));
        return subsearches.size() - 1;
    }

    /** Plans commands that run on rows given to them, with no source of their own (appendpipe, foreach). */
    public List<Stage> planStages(List<Command> commands) {
        List<Stage> stages = new ArrayList<>();
        for (Command c : commands) {
            stages.add(planner.stage(c, this));
        }
        return stages;
    }
}
