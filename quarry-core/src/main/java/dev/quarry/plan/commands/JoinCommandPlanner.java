package dev.quarry.plan.commands;

import dev.quarry.exec.op.JoinOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.Pipeline;
import java.util.List;
import java.util.Locale;

/**
 * {@code join [type=inner|left|outer] [max=n] [overwrite=bool] [usetime=bool] [earlier=bool] [fields...]
 * [subsearch]}. The subsearch reads events of its own; see {@link JoinOperator} for the matching rules. The aliased
 * form ({@code join left=L right=R where L.a=R.b}) is not supported.
 */
public final class JoinCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments(CombiningCommandPlanners.generic(command));
        boolean aliased = args.options().containsKey("left") || args.options().containsKey("right")
                || args.words().stream().anyMatch(w -> w.equalsIgnoreCase("where"));
        if (aliased) {
            throw PlanException.unsupported("join with left=, right= and where (the aliased form); name the join"
                    + " fields instead, as in join process_guid [...]", command.span());
        }

        args.allowOptions("type", "max", "overwrite", "usetime", "earlier");
        JoinOperator.Type type = switch (args.option("type", "inner").toLowerCase(Locale.ROOT)) {
            case "inner" -> JoinOperator.Type.INNER;
            case "left", "outer" -> JoinOperator.Type.LEFT;
            default -> throw PlanException.invalid("join: type must be inner, left or outer, not ["
                    + args.option("type", "") + "]", command.span());
        };
        int max = args.intOption("max", 1);
        if (max < 0) {
            throw PlanException.invalid("join: max must be 0 (no limit) or more, not " + max, command.span());
        }
        boolean overwrite = args.booleanOption("overwrite", true);
        JoinOperator.TimeLimit time = JoinOperator.TimeLimit.NONE;
        if (args.booleanOption("usetime", false)) {
            time = args.booleanOption("earlier", true) ? JoinOperator.TimeLimit.EARLIER
                    : JoinOperator.TimeLimit.LATER;
        }

        Pipeline subsearch = CombiningCommandPlanners.onlySubsearch(args, "subsearch");
        List<String> fields = CombiningCommandPlanners.fieldWords(args);
        int id = context.addSubsearch(subsearch);
        JoinOperator.Spec spec = new JoinOperator.Spec(type, fields, max, overwrite, time,
                JoinOperator.SUBSEARCH_LIMIT);
        Limits limits = context.limits();
        return (next, run) -> new JoinOperator(spec, run.subsearchResults(id), limits, next);
    }
}
