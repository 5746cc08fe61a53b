package dev.quarry.plan;

import dev.quarry.spl.ast.Command;

/** Plans one kind of command that follows the first command of a pipeline. */
@FunctionalInterface
public interface CommandPlanner {
    /** Returns the stage for {@code command}, or throws {@link PlanException} saying what cannot be planned. */
    Stage plan(Command command, PlanContext context);
}
