package dev.quarry.plan.commands;

import dev.quarry.exec.op.MvexpandOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;

/** {@code | mvexpand field [limit=n]}: one row per value, all values when the limit is 0 or absent. */
public final class MvexpandCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("limit");
        if (args.words().size() != 1) {
            throw PlanException.invalid("mvexpand takes one field name, as in mvexpand user; found "
                    + args.words().size(), command.span());
        }
        String field = args.words().get(0);
        if (field.indexOf('*') >= 0) {
            throw PlanException.unsupported("mvexpand with a wildcard field name " + field, command.span());
        }
        int limit = args.intOption("limit", 0);
        if (limit < 0) {
            throw PlanException.invalid("mvexpand: limit must be 0 (all values) or more, not " + limit,
                    command.span());
        }
        return (next, run) -> new MvexpandOperator(field, limit, next);
    }
}
