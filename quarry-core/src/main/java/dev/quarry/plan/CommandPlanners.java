package dev.quarry.plan;

import dev.quarry.plan.commands.ConvertCommandPlanner;
import dev.quarry.plan.commands.EvalCommandPlanner;
import dev.quarry.plan.commands.RenameCommandPlanner;
import dev.quarry.plan.commands.SearchCommandPlanner;
import dev.quarry.plan.commands.StatsCommandPlanner;
import dev.quarry.plan.commands.TableCommandPlanner;
import dev.quarry.plan.commands.WhereCommandPlanner;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;

/** Every command Quarry runs after the first command of a pipeline, by name, with its planner. */
public final class CommandPlanners {
    private static final Map<String, CommandPlanner> PLANNERS = build();

    private CommandPlanners() {
    }

    private static Map<String, CommandPlanner> build() {
        Map<String, CommandPlanner> m = new HashMap<>();
        m.put("search", new SearchCommandPlanner());
        m.put("where", new WhereCommandPlanner());
        m.put("eval", new EvalCommandPlanner());
        m.put("rename", new RenameCommandPlanner());
        m.put("convert", new ConvertCommandPlanner());
        m.put("table", new TableCommandPlanner());
        m.put("fields", new TableCommandPlanner());
        m.put("stats", new StatsCommandPlanner());
        Map<String, SourcePlanner> sources = new HashMap<>();
        dev.quarry.plan.commands.FieldCommandPlanners.register(m, sources);
        dev.quarry.plan.commands.CombiningCommandPlanners.register(m, sources);
        dev.quarry.plan.commands.LookupCommandPlanners.register(m, sources);
        return Collections.unmodifiableMap(m);
    }

    /** Returns the planner for a command name, or null when Quarry does not run that command. */
    public static CommandPlanner find(String name) {
        return PLANNERS.get(name);
    }

    public static Set<String> names() {
        return PLANNERS.keySet();
    }
}
