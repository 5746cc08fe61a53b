package dev.quarry.plan.commands;

import dev.quarry.exec.op.EventstatsOperator;
import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.Aggregations;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.StatsCommand;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;

/** {@code | eventstats functions [by fields]}: the statistics of {@code stats}, added to every row. */
public final class EventstatsCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        StatsCommand s = (StatsCommand) command;
        if (!s.options().isEmpty()) {
            Map.Entry<String, String> o = s.options().entrySet().iterator().next();
            throw PlanException.unsupported("eventstats option " + o.getKey() + "=" + o.getValue(), s.span());
        }
        if (!s.byOptions().isEmpty()) {
            Map.Entry<String, String> o = s.byOptions().entrySet().iterator().next();
            throw PlanException.unsupported("eventstats option " + o.getKey() + "=" + o.getValue()
                    + " in the by clause", s.span());
        }
        List<GroupedAggregation.GroupField> groupBy = Aggregations.groupFields(s.by(), Map.of(),
                UnaryOperator.identity(), s.span());
        List<GroupedAggregation.Function> functions = Aggregations.functions(s.aggregations(),
                UnaryOperator.identity(), context);
        Limits limits = context.limits();
        return (next, run) -> new EventstatsOperator(groupBy, functions, limits, next);
    }
}
