package dev.quarry.plan;

import dev.quarry.exec.op.Operator;

/** A planned command: creates its operator for one run, in front of the operator that receives its output. */
@FunctionalInterface
public interface Stage {
    Operator create(Operator next, RunBindings run);
}
