package dev.quarry.plan.commands;

import dev.quarry.exec.op.AggregateOperator;
import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.plan.Aggregations;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.StatsCommand;
import java.util.List;
import java.util.function.UnaryOperator;

/** {@code | stats functions [by fields]}. */
public final class StatsCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        StatsCommand s = (StatsCommand) command;
        for (String option : s.options().keySet()) {
            if (!option.equals("dedup_splitvals")) {
                throw PlanException.unsupported("stats option " + option, s.span());
            }
        }
        List<GroupedAggregation.GroupField> groupBy = Aggregations.groupFields(s.by(), s.byOptions(),
                UnaryOperator.identity(), s.span());
        List<GroupedAggregation.Function> functions = Aggregations.functions(s.aggregations(),
                UnaryOperator.identity(), context);
        int maxGroups = context.limits().groups();
        return (next, run) -> new AggregateOperator(new GroupedAggregation("stats", groupBy, functions, null,
                maxGroups), next);
    }
}
