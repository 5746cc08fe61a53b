package dev.quarry.plan.commands;

import dev.quarry.exec.Regexes;
import dev.quarry.exec.op.MakemvOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.regex.PatternSyntaxException;

/**
 * {@code | makemv [delim="x" | tokenizer="regex"] [allowempty=bool] field}: splits a field into a multivalue,
 * at single spaces by default.
 */
public final class MakemvCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("delim", "tokenizer", "allowempty");
        if (args.words().size() != 1) {
            throw PlanException.invalid("makemv takes one field name, as in makemv delim=\",\" users; found "
                    + args.words().size(), command.span());
        }
        String field = args.words().get(0);
        String delimiter = args.option("delim", null);
        String tokenizerText = args.option("tokenizer", null);
        if (delimiter != null && tokenizerText != null) {
            throw PlanException.invalid("makemv takes delim= or tokenizer=, not both", command.span());
        }
        boolean allowEmpty = args.booleanOption("allowempty", false);
        if (tokenizerText == null) {
            String delim = delimiter == null ? " " : delimiter;
            if (delim.isEmpty()) {
                throw PlanException.invalid("makemv: delim must not be empty", command.span());
            }
            return (next, run) -> new MakemvOperator(field, delim, null, allowEmpty, next);
        }
        Regexes.Compiled tokenizer;
        try {
            tokenizer = Regexes.compile(tokenizerText);
        } catch (PatternSyntaxException e) {
            throw PlanException.invalid("makemv: invalid tokenizer regular expression [" + tokenizerText + "]: "
                    + e.getDescription(), command.span());
        }
        return (next, run) -> new MakemvOperator(field, null, tokenizer, allowEmpty, next);
    }
}
