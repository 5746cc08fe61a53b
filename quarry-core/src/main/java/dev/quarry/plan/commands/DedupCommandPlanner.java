package dev.quarry.plan.commands;

import dev.quarry.exec.op.DedupOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.SortKey;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code | dedup [N] field, ... [keepempty=bool] [consecutive=bool] [keepevents=bool] [sortby [+|-]field ...]}.
 */
public final class DedupCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("keepempty", "consecutive", "keepevents");
        List<String> words = new ArrayList<>(args.words());
        int count = 1;
        if (!words.isEmpty() && SortCommandPlanner.isCount(words.get(0))) {
            count = Integer.parseInt(words.remove(0));
            if (count < 1) {
                throw PlanException.invalid("dedup: the number of rows to keep must be 1 or more, not " + count,
                        command.span());
            }
        }
        List<String> fields = new ArrayList<>();
        List<SortKey> sortBy = List.of();
        for (int i = 0; i < words.size(); i++) {
            String w = words.get(i);
            if (w.equalsIgnoreCase("sortby")) {
                sortBy = SortClauses.parse(words.subList(i + 1, words.size()), "dedup sortby", command.span());
                if (sortBy.isEmpty()) {
                    throw PlanException.invalid("dedup: sortby needs at least one field", command.span());
                }
                break;
            }
            if (w.equals(",")) {
                continue;
            }
            if (w.indexOf('*') >= 0) {
                throw PlanException.unsupported("dedup with a wildcard field name " + w, command.span());
            }
            fields.add(w);
        }
        if (fields.isEmpty()) {
            throw PlanException.invalid("dedup needs at least one field, as in dedup user", command.span());
        }
        DedupOperator.Options options = new DedupOperator.Options(count, args.booleanOption("keepempty", false),
                args.booleanOption("consecutive", false), args.booleanOption("keepevents", false), sortBy);
        Limits limits = context.limits();
        return (next, run) -> new DedupOperator(fields, options, limits, next);
    }
}
