package dev.quarry.plan.commands;

import dev.quarry.exec.op.AddtotalsOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code | addtotals [row=bool] [col=bool] [fieldname=f] [labelfield=f] [label=s] [field, ...]}: row sums into
 * {@code fieldname} ({@code Total} by default) and, with {@code col=true}, a last row of column sums.
 */
public final class AddtotalsCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("row", "col", "fieldname", "labelfield", "label");
        List<String> fields = new ArrayList<>();
        for (int i = 0; i < args.words().size(); i++) {
            if (!(args.words().get(i).equals(",") && !args.quoted(i))) {
                fields.add(args.words().get(i));
            }
        }
        AddtotalsOperator.Options options = new AddtotalsOperator.Options(args.booleanOption("row", true),
                args.booleanOption("col", false), args.option("fieldname", "Total"), args.option("labelfield", null),
                args.option("label", "Total"));
        Limits limits = context.limits();
        return (next, run) -> new AddtotalsOperator(fields, options, limits, next);
    }
}
