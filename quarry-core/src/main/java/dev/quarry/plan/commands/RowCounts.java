package dev.quarry.plan.commands;

import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.PlanException;
import dev.quarry.spl.ast.GenericCommand;

/** Reads the row count of {@code head} and {@code tail}: one number, or {@code limit=N}. */
final class RowCounts {
    private RowCounts() {
    }

    static long count(GenericCommand command, long fallback) {
        CommandArguments args = new CommandArguments(command);
        args.allowOptions("limit");
        long count = args.intOption("limit", (int) fallback);
        if (args.words().size() > 1 || (args.words().size() == 1 && !SortCommandPlanner.isCount(
                args.words().get(0)))) {
            throw PlanException.unsupported(command.name() + " with anything but a row count ("
                    + String.join(" ", args.words()) + "); an eval expression as the stop condition is not"
                    + " supported", command.span());
        }
        if (args.words().size() == 1) {
            count = Long.parseLong(args.words().get(0));
        }
        if (count < 0) {
            throw PlanException.invalid(command.name() + ": the row count must be 0 or more, not " + count,
                    command.span());
        }
        return count;
    }
}
