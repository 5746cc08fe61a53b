package dev.quarry.plan;

import dev.quarry.plan.sources.MakeresultsPlanner;
import java.util.Collections;
import java.util.HashMap;
import java.util.Map;

/** Every generating command Quarry runs at the start of a pipeline, by name, with its planner. */
public final class SourcePlanners {
    private static final Map<String, SourcePlanner> PLANNERS = build();

    private SourcePlanners() {
    }

    private static Map<String, SourcePlanner> build() {
        Map<String, SourcePlanner> m = new HashMap<>();
        m.put("makeresults", new MakeresultsPlanner());
        Map<String, CommandPlanner> commands = new HashMap<>();
        dev.quarry.plan.commands.FieldCommandPlanners.register(commands, m);
        dev.quarry.plan.commands.CombiningCommandPlanners.register(commands, m);
        dev.quarry.plan.commands.LookupCommandPlanners.register(commands, m);
        return Collections.unmodifiableMap(m);
    }

    /** Returns the planner for a generating command, or null when Quarry does not run it. */
    public static SourcePlanner find(String name) {
        return PLANNERS.get(name);
    }

    public static java.util.List<String> names() {
        return PLANNERS.keySet().stream().sorted().toList();
    }
}
