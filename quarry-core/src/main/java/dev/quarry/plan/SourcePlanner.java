package dev.quarry.plan;

import dev.quarry.spl.ast.Command;
import java.util.List;

/**
 * Plans a generating command that starts a pipeline after a leading pipe, such as {@code | makeresults}: returns
 * the source of its rows, and adds to {@code stages} any operator it needs in front of the following commands.
 */
@FunctionalInterface
public interface SourcePlanner {
    QueryPlan.Source plan(Command first, PlanContext context, List<Stage> stages);
}
