package dev.quarry.plan.commands;

import dev.quarry.exec.Regexes;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.Value;
import dev.quarry.exec.op.FilterOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.Unescape;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.List;
import java.util.regex.PatternSyntaxException;

/**
 * {@code | regex field="re"} keeps rows where the regular expression matches somewhere in the field,
 * {@code | regex field!="re"} rows where it does not, and {@code | regex "re"} applies to {@code _raw}.
 *
 * <p>A multivalue field matches when any value matches, so {@code !=} keeps a row only when no value matches.
 * A row without the field never matches: {@code =} drops it and {@code !=} keeps it. A value whose matching
 * exceeds the step budget counts as not matching.
 */
public final class RegexCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        List<String> tokens = ((GenericCommand) command).arguments();
        String field;
        String pattern;
        boolean negated;
        if (tokens.size() == 1) {
            field = "_raw";
            pattern = Unescape.argument(tokens.get(0));
            negated = false;
        } else if (tokens.size() == 3 && (tokens.get(1).equals("=") || tokens.get(1).equals("!="))) {
            field = Unescape.argument(tokens.get(0));
            pattern = Unescape.argument(tokens.get(2));
            negated = tokens.get(1).equals("!=");
        } else {
            throw PlanException.invalid("regex expects field=\"regex\", field!=\"regex\" or one \"regex\" for _raw,"
                    + " with the regular expression in double quotes; found: " + String.join(" ", tokens),
                    command.span());
        }
        Regexes.Compiled regex;
        try {
            regex = Regexes.compile(pattern);
        } catch (PatternSyntaxException e) {
            throw PlanException.invalid("regex: invalid regular expression [" + pattern + "]: "
                    + e.getDescription(), command.span());
        }
        RowPredicate matches = row -> anyValueMatches(regex, row.get(field));
        RowPredicate keep = negated ? row -> !matches.test(row) : matches;
        return (next, run) -> new FilterOperator(keep, next);
    }

    private static boolean anyValueMatches(Regexes.Compiled regex, Value value) {
        for (Value one : Value.list(value)) {
            try {
                if (Regexes.find(regex, one.text())) {
                    return true;
                }
            } catch (Regexes.BudgetExceeded e) {
                // A runaway match counts as no match; the next value may still match.
            }
        }
        return false;
    }
}
