package dev.quarry.plan.commands;

import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;

/**
 * {@code | outputlookup}: always unsupported, because Quarry reads detection content and never writes it. The
 * searches that use it save a baseline of what they have seen for later runs to compare against.
 */
public final class OutputlookupPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        throw PlanException.unsupported("outputlookup: Quarry never writes lookup tables, so searches that save a"
                + " baseline of what they have seen cannot run", command.span());
    }
}
