package dev.quarry.plan.commands;

import dev.quarry.exec.Regexes;
import dev.quarry.exec.SedExpression;
import dev.quarry.exec.op.RexOperator;
import dev.quarry.exec.op.SedOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.regex.PatternSyntaxException;

/**
 * {@code | rex [field=f] [max_match=n] "regex"} extracts named groups into fields; {@code | rex [field=f]
 * mode=sed "s/regex/replacement/flags"} rewrites the field. The field defaults to {@code _raw} and
 * {@code max_match} to 1, with 0 for no limit.
 */
public final class RexCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("field", "max_match", "mode");
        if (args.words().size() != 1) {
            throw PlanException.invalid("rex needs one regular expression in double quotes, as in rex field=process"
                    + " \"(?<flag>-\\w+)\"; found " + args.words().size() + " arguments", command.span());
        }
        String field = args.option("field", "_raw");
        String mode = args.option("mode", null);
        if (mode == null) {
            return extraction(args, field, command);
        }
        if (!mode.equalsIgnoreCase("sed")) {
            throw PlanException.invalid("rex: mode must be sed, not [" + mode + "]", command.span());
        }
        return substitution(args, field, command);
    }

    private static Stage extraction(CommandArguments args, String field, Command command) {
        String text = args.words().get(0);
        int maxMatch = args.intOption("max_match", 1);
        if (maxMatch < 0) {
            throw PlanException.invalid("rex: max_match must be 0 (no limit) or more, not " + maxMatch,
                    command.span());
        }
        Regexes.Compiled regex;
        try {
            regex = Regexes.compile(text);
        } catch (PatternSyntaxException e) {
            throw PlanException.invalid("rex: invalid regular expression [" + text + "]: " + e.getDescription(),
                    command.span());
        }
        if (regex.groupNames().isEmpty()) {
            throw PlanException.invalid("rex: the regular expression [" + text + "] has no named group such as"
                    + " (?<name>...), so it extracts no field", command.span());
        }
        return (next, run) -> new RexOperator(field, regex, maxMatch, next);
    }

    private static Stage substitution(CommandArguments args, String field, Command command) {
        if (args.options().containsKey("max_match")) {
            throw PlanException.invalid("rex: max_match does not apply with mode=sed", command.span());
        }
        SedExpression sed;
        try {
            sed = SedExpression.parse(args.words().get(0));
        } catch (IllegalArgumentException e) {
            throw PlanException.invalid("rex: " + e.getMessage(), command.span());
        } catch (UnsupportedOperationException e) {
            throw PlanException.unsupported("rex mode=sed " + e.getMessage(), command.span());
        }
        return (next, run) -> new SedOperator(field, sed, next);
    }
}
