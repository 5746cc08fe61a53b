package dev.quarry.plan.commands;

import dev.quarry.exec.op.XmlkvOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;

/** {@code | xmlkv [field]}: element names to values from the XML in {@code field}, {@code _raw} by default. */
public final class XmlkvCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions();
        if (args.words().size() > 1) {
            throw PlanException.invalid("xmlkv takes at most one field; found: " + String.join(" ", args.words()),
                    command.span());
        }
        String field = args.words().isEmpty() ? "_raw" : args.words().get(0);
        return (next, run) -> new XmlkvOperator(field, next);
    }
}
