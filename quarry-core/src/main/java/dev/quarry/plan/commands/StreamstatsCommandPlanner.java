package dev.quarry.plan.commands;

import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.StreamstatsOperator;
import dev.quarry.plan.Aggregations;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.plan.TimeSpans;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.StatsCommand;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * {@code | streamstats [window=n] [current=bool] [global=bool] [reset_on_change=bool] [time_window=span]
 * functions [by fields]}: running statistics in row order. The defaults are no window, {@code current=true} and
 * {@code global=true}.
 */
public final class StreamstatsCommandPlanner implements CommandPlanner {
    private static final Set<String> OPTIONS = Set.of("window", "current", "global", "reset_on_change",
            "time_window");

    @Override
    public Stage plan(Command command, PlanContext context) {
        StatsCommand s = (StatsCommand) command;
        Map<String, String> options = s.options();
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (!OPTIONS.contains(o.getKey())) {
                throw PlanException.unsupported("streamstats option " + o.getKey() + "=" + o.getValue(), s.span());
            }
        }
        if (!s.byOptions().isEmpty()) {
            Map.Entry<String, String> o = s.byOptions().entrySet().iterator().next();
            throw PlanException.unsupported("streamstats option " + o.getKey() + "=" + o.getValue()
                    + " in the by clause", s.span());
        }
        int window = window(options.get("window"), s);
        String timeWindow = options.get("time_window");
        StreamstatsOperator.Options settings = new StreamstatsOperator.Options(window,
                bool(options, "current", true, s), bool(options, "global", true, s),
                bool(options, "reset_on_change", false, s),
                timeWindow == null ? 0 : TimeSpans.seconds(timeWindow, s.span()));
        List<GroupedAggregation.Function> functions = Aggregations.functions(s.aggregations(),
                UnaryOperator.identity(), context);
        List<String> groupBy = s.by();
        Limits limits = context.limits();
        return (next, run) -> new StreamstatsOperator(groupBy, functions, settings, limits, next);
    }

    private static int window(String text, StatsCommand s) {
        if (text == null) {
            return 0;
        }
        try {
            int n = Integer.parseInt(text.trim());
            if (n >= 0) {
                return n;
            }
        } catch (NumberFormatException e) {
            // Reported below with the expected form.
        }
        throw PlanException.invalid("streamstats: window must be a whole number, 0 or more, not [" + text + "]",
                s.span());
    }

    private static boolean bool(Map<String, String> options, String name, boolean fallback, StatsCommand s) {
        String v = options.get(name);
        if (v == null) {
            return fallback;
        }
        return switch (v.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw PlanException.invalid("streamstats: " + name + " must be true or false, not [" + v + "]",
                    s.span());
        };
    }
}
