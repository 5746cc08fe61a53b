package dev.quarry.plan.commands;

import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.SourcePlanner;
import java.util.Map;

/** Registers the lookup commands: {@code lookup}, {@code inputlookup} (first or with append=t) and outputlookup. */
public final class LookupCommandPlanners {
    private LookupCommandPlanners() {
    }

    public static void register(Map<String, CommandPlanner> commands, Map<String, SourcePlanner> sources) {
        InputlookupPlanner inputlookup = new InputlookupPlanner();
        commands.put("lookup", new LookupCommandPlanner());
        commands.put("inputlookup", inputlookup);
        commands.put("outputlookup", new OutputlookupPlanner());
        sources.put("inputlookup", inputlookup);
    }
}
