package dev.quarry.plan.commands;

import dev.quarry.exec.op.ConvertOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.ConvertCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** {@code | convert [timeformat=...] ctime(f) [as g] ...}. */
public final class ConvertCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        ConvertCommand c = (ConvertCommand) command;
        String timeFormat = null;
        for (Map.Entry<String, String> o : c.options().entrySet()) {
            if (o.getKey().equals("timeformat")) {
                timeFormat = o.getValue();
            } else {
                throw PlanException.unsupported("convert option " + o.getKey(), c.span());
            }
        }
        List<ConvertOperator.Conversion> conversions = new ArrayList<>();
        for (ConvertCommand.Conversion conv : c.conversions()) {
            String function = conv.function().toLowerCase(Locale.ROOT);
            if (!ConvertOperator.supports(function)) {
                throw PlanException.unsupported("convert function " + function + "()", conv.span());
            }
            if (conv.field().indexOf('*') >= 0) {
                throw PlanException.unsupported("convert with a wildcard field " + conv.field(), conv.span());
            }
            conversions.add(new ConvertOperator.Conversion(function, conv.field(),
                    conv.alias() == null ? conv.field() : conv.alias()));
        }
        String format = timeFormat;
        return (next, run) -> new ConvertOperator(format, conversions, next);
    }
}
