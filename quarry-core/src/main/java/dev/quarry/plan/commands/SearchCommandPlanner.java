package dev.quarry.plan.commands;

import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.op.FilterOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.SearchCommand;

/** {@code | search ...}: filters rows with the search language. */
public final class SearchCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        RowPredicate p = context.compileSearch(((SearchCommand) command).filter());
        return (next, run) -> new FilterOperator(p, next);
    }
}
