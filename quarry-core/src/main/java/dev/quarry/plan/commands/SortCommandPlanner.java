package dev.quarry.plan.commands;

import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.SortKey;
import dev.quarry.exec.op.SortOperator;
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
 * {@code | sort [count] [limit=n] [+|-]field, ... [desc]}: at most 10,000 rows unless a count is given, and
 * {@code 0} for all of them; a trailing {@code desc} (or {@code d}) reverses every key.
 */
public final class SortCommandPlanner implements CommandPlanner {
    /** The number of rows {@code sort} returns when no count is given. */
    static final int DEFAULT_LIMIT = 10_000;

    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("limit");
        List<String> words = new ArrayList<>(args.words());
        int limit = args.intOption("limit", DEFAULT_LIMIT);
        if (!words.isEmpty() && isCount(words.get(0))) {
            limit = Integer.parseInt(words.remove(0));
        }
        boolean reverse = false;
        if (words.size() > 1 && (words.get(words.size() - 1).equalsIgnoreCase("desc")
                || words.get(words.size() - 1).equalsIgnoreCase("d"))) {
            reverse = true;
            words.remove(words.size() - 1);
        }
        List<SortKey> keys = SortClauses.parse(words, "sort", command.span());
        if (keys.isEmpty()) {
            throw PlanException.invalid("sort needs at least one field, as in sort - count", command.span());
        }
        if (limit < 0) {
            throw PlanException.invalid("sort: the count must be 0 (all rows) or more, not " + limit, command.span());
        }
        List<SortKey> ordered = new ArrayList<>();
        for (SortKey k : keys) {
            ordered.add(reverse ? k.reversed() : k);
        }
        int max = limit;
        Limits limits = context.limits();
        return (next, run) -> new SortOperator(ordered, max, limits, next);
    }

    static boolean isCount(String word) {
        return !word.isEmpty() && word.length() < 10 && word.chars().allMatch(c -> c >= '0' && c <= '9');
    }
}
