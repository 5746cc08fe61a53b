package dev.quarry.plan.commands;

import dev.quarry.exec.op.AppendPipeOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.Pipeline;
import java.util.List;

/**
 * {@code appendpipe [run_in_preview=bool] [commands]}: the commands run over the current result rows (they have no
 * source of their own) and their output follows those rows. {@code run_in_preview} changes nothing, as Quarry
 * shows no previews.
 */
public final class AppendPipeCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments(CombiningCommandPlanners.generic(command));
        args.allowOptions("run_in_preview");
        args.booleanOption("run_in_preview", true);
        Pipeline commands = CombiningCommandPlanners.onlySubsearch(args, "sub-pipeline");
        if (!CombiningCommandPlanners.fieldWords(args).isEmpty()) {
            throw PlanException.invalid("appendpipe: unexpected argument [" + CombiningCommandPlanners
                    .fieldWords(args).get(0) + "] before the sub-pipeline", command.span());
        }
        List<Stage> stages = context.planStages(commands.commands());
        Limits limits = context.limits();
        return (next, run) -> new AppendPipeOperator(last -> CombiningCommandPlanners.chain(stages, last, run),
                limits, next);
    }
}
