package dev.quarry.plan.commands;

import dev.quarry.exec.op.FillnullOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code | fillnull [value=x] [field, ...]}: fills absent fields with {@code x}, {@code 0} by default. */
public final class FillnullCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("value");
        String value = args.option("value", "0");
        List<String> fields = new ArrayList<>();
        for (String w : args.words()) {
            if (w.equals(",")) {
                continue;
            }
            if (w.indexOf('*') >= 0) {
                throw PlanException.unsupported("fillnull with a wildcard field name " + w, command.span());
            }
            fields.add(w);
        }
        Limits limits = context.limits();
        return (next, run) -> new FillnullOperator(value, fields, limits, next);
    }
}
