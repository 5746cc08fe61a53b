package dev.quarry.plan.commands;

import dev.quarry.exec.Evaluator;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.Value;
import dev.quarry.exec.op.FilterOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.WhereCommand;

/** {@code | where expr}: keeps rows for which the expression is true (not false, not null). */
public final class WhereCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        Evaluator e = context.compileExpression(((WhereCommand) command).condition());
        RowPredicate p = row -> e.eval(row) instanceof Value.Bool b && b.value();
        return (next, run) -> new FilterOperator(p, next);
    }
}
