package dev.quarry.plan.commands;

import dev.quarry.exec.op.HeadOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;

/** {@code | head [N]} or {@code | head limit=N}: the first N rows, 10 by default. */
public final class HeadCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        long limit = RowCounts.count((GenericCommand) command, 10);
        Limits limits = context.limits();
        return (next, run) -> new HeadOperator(limit, limits, next);
    }
}
