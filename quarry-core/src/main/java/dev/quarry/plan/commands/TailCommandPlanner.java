package dev.quarry.plan.commands;

import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.TailOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;

/** {@code | tail [N]}: the last N rows, 10 by default, last row first. */
public final class TailCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        long limit = RowCounts.count((GenericCommand) command, 10);
        Limits limits = context.limits();
        return (next, run) -> new TailOperator(limit, limits, next);
    }
}
