package dev.quarry.plan.commands;

import dev.quarry.exec.op.RenameOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.RenameCommand;
import java.util.ArrayList;
import java.util.List;

/** {@code | rename A as B, ...}, with or without wildcards. */
public final class RenameCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        List<RenameOperator.Clause> clauses = new ArrayList<>();
        for (RenameCommand.Rename r : ((RenameCommand) command).renames()) {
            if (stars(r.from()) != stars(r.to())) {
                throw PlanException.invalid("rename " + r.from() + " as " + r.to()
                        + ": both names need the same number of * wildcards", r.span());
            }
            clauses.add(RenameOperator.Clause.of(r.from(), r.to()));
        }
        return (next, run) -> new RenameOperator(clauses, next);
    }

    private static long stars(String s) {
        return s.chars().filter(c -> c == '*').count();
    }
}
