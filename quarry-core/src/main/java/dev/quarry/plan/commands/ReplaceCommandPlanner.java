package dev.quarry.plan.commands;

import dev.quarry.exec.op.ReplaceOperator;
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
 * {@code | replace X with Y [, X2 with Y2 ...] [in field, ...]}: the command, not the eval function. The words
 * {@code with} and {@code in} are keywords unless quoted.
 */
public final class ReplaceCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions();
        List<String> words = args.words();
        List<ReplaceOperator.Clause> clauses = new ArrayList<>();
        int i = 0;
        while (i < words.size() && !keyword(args, i, "in")) {
            if (words.get(i).equals(",") && !args.quoted(i)) {
                i++;
                continue;
            }
            if (i + 2 >= words.size() || !keyword(args, i + 1, "with")) {
                throw PlanException.invalid("replace expects value with value, as in replace \"%%8448\" with"
                        + " \"Success removed\" in AuditPolicyChanges; found: " + String.join(" ", words),
                        command.span());
            }
            try {
                clauses.add(new ReplaceOperator.Clause(words.get(i), words.get(i + 2)));
            } catch (IllegalArgumentException e) {
                throw PlanException.invalid(e.getMessage(), command.span());
            }
            i += 3;
        }
        if (clauses.isEmpty()) {
            throw PlanException.invalid("replace needs at least one value with value clause", command.span());
        }
        List<String> fields = new ArrayList<>();
        for (int f = i + 1; f < words.size(); f++) {
            if (!(words.get(f).equals(",") && !args.quoted(f))) {
                fields.add(words.get(f));
            }
        }
        if (i < words.size() && fields.isEmpty()) {
            throw PlanException.invalid("replace: in must be followed by at least one field", command.span());
        }
        return (next, run) -> new ReplaceOperator(clauses, fields, next);
    }

    private static boolean keyword(CommandArguments args, int i, String keyword) {
        return i < args.words().size() && !args.quoted(i) && args.words().get(i).equalsIgnoreCase(keyword);
    }
}
