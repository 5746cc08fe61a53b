package dev.quarry.plan.commands;

import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.SourcePlanner;
import java.util.Map;

/** Registers the planners of one family of commands. */
public final class LookupCommandPlanners {
    private LookupCommandPlanners() {
    }

    public static void register(Map<String, CommandPlanner> commands, Map<String, SourcePlanner> sources) {
    }
}
