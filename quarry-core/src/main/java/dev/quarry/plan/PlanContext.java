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
        try {
            return SearchPredicates.compile(expr, fieldName);
        } catch (UnsupportedOperationException e) {
            throw PlanException.unsupported(e.getMessage(), expr == null ? null : expr.span());
        }
    }

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
