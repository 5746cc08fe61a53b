package dev.quarry.plan.commands;

import dev.quarry.exec.op.EvalOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.EvalCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code | eval f=expr, ...}. */
public final class EvalCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        List<EvalOperator.Assignment> assignments = new ArrayList<>();
        for (EvalCommand.Assignment a : ((EvalCommand) command).assignments()) {
            assignments.add(new EvalOperator.Assignment(a.field(), context.compileExpression(a.value())));
        }
        return (next, run) -> new EvalOperator(assignments, next);
    }
}
