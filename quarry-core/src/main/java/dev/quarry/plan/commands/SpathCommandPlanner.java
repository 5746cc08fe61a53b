package dev.quarry.plan.commands;

import dev.quarry.exec.SpathPath;
import dev.quarry.exec.op.SpathOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;

/**
 * {@code | spath [input=f] [output=f] [path=p | p]}: reads JSON or XML from {@code input} ({@code _raw} by
 * default). The path may be given as {@code path=} or as the one other argument; the output field defaults to
 * the path.
 */
public final class SpathCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("input", "output", "path");
        String pathText = args.option("path", null);
        if (args.words().size() > 1 || (pathText != null && !args.words().isEmpty())) {
            throw PlanException.invalid("spath takes one path, as path=a.b or a.b; found: "
                    + String.join(" ", args.words()), command.span());
        }
        if (pathText == null && !args.words().isEmpty()) {
            pathText = args.words().get(0);
        }
        String input = args.option("input", "_raw");
        String output = args.option("output", null);
        if (pathText == null) {
            if (output != null) {
                throw PlanException.invalid("spath: output=" + output + " needs a path to extract", command.span());
            }
            return (next, run) -> new SpathOperator(input, null, null, next);
        }
        SpathPath path;
        try {
            path = SpathPath.parse(pathText);
        } catch (IllegalArgumentException e) {
            throw PlanException.invalid("spath: " + e.getMessage(), command.span());
        }
        String target = output == null ? pathText : output;
        return (next, run) -> new SpathOperator(input, target, path, next);
    }
}
