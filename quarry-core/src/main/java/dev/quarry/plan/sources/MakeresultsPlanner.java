package dev.quarry.plan.sources;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.QueryPlan;
import dev.quarry.plan.SourcePlanner;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code | makeresults [count=N]}: N rows (default 1) holding only {@code _time}, the search time. */
public final class MakeresultsPlanner implements SourcePlanner {
    /** Largest count accepted, as Splunk's limit. */
    static final int MAX_COUNT = 10_000;

    @Override
    public QueryPlan.Source plan(Command first, PlanContext context, List<Stage> stages) {
        CommandArguments args = new CommandArguments((GenericCommand) first);
        args.allowOptions("count");
        if (!args.words().isEmpty()) {
            throw PlanException.unsupported("makeresults argument " + args.words().get(0), first.span());
        }
        int count = args.intOption("count", 1);
        if (count < 1 || count > MAX_COUNT) {
            throw PlanException.invalid("makeresults count must be between 1 and " + MAX_COUNT + ", not " + count,
                    first.span());
        }
        double now = Math.floor(context.evalContext().nowSeconds());
        return new QueryPlan.GeneratedSource(() -> {
            List<Row> rows = new ArrayList<>(count);
            for (int i = 0; i < count; i++) {
                rows.add(new Row().put("_time", Value.num(now)));
            }
            return rows;
        });
    }
}
