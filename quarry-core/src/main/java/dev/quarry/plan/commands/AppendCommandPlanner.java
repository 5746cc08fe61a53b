package dev.quarry.plan.commands;

import dev.quarry.exec.op.AppendOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.Pipeline;

/**
 * {@code append [maxout=n] [maxtime=s] [extendtimerange=bool] [subsearch]}: the subsearch's rows, at most
 * {@code maxout} (default {@link AppendOperator#SUBSEARCH_LIMIT}), after the main rows. {@code maxtime} and
 * {@code extendtimerange} change nothing, because Quarry stops no subsearch early and applies no time range.
 */
public final class AppendCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments(CombiningCommandPlanners.generic(command));
        args.allowOptions("maxout", "maxtime", "extendtimerange");
        int maxout = args.intOption("maxout", AppendOperator.SUBSEARCH_LIMIT);
        if (maxout < 0) {
            throw PlanException.invalid("append: maxout must not be negative, not " + maxout, command.span());
        }
        args.intOption("maxtime", 60);
        args.booleanOption("extendtimerange", false);
        Pipeline subsearch = CombiningCommandPlanners.onlySubsearch(args, "subsearch");
        if (!CombiningCommandPlanners.fieldWords(args).isEmpty()) {
            throw PlanException.invalid("append: unexpected argument [" + CombiningCommandPlanners.fieldWords(args)
                    .get(0) + "] before the subsearch", command.span());
        }
        int id = context.addSubsearch(subsearch);
        return (next, run) -> new AppendOperator(run.subsearchResults(id), maxout, next);
    }
}
