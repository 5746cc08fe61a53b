package dev.quarry.plan;

import dev.quarry.exec.Row;
import java.util.List;
import java.util.function.Supplier;

/**
 * What a run gives the operators of a plan besides their input: the results of the plan's subsearches, which are
 * complete when the operator finishes (subsearches finish before the pipeline that uses them).
 */
public interface RunBindings {
    /** Returns the result rows of subsearch {@code id}, valid once that subsearch has finished. */
    Supplier<List<Row>> subsearchResults(int id);
}
