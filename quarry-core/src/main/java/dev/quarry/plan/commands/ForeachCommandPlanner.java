package dev.quarry.plan.commands;

import dev.quarry.exec.op.ForeachOperator;
import dev.quarry.exec.op.ForeachOperator.FieldMatch;
import dev.quarry.exec.op.ForeachOperator.FieldPattern;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.EvalCommand;
import dev.quarry.spl.ast.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code foreach <field patterns> [fieldstr=] [matchstr=] [matchseg1=] [matchseg2=] [matchseg3=] [eval ...]}: for
 * each field of a row that a pattern matches, runs the template's eval commands with the placeholders replaced (see
 * {@link ForeachTemplate} and {@link ForeachOperator}). Only the field-list mode ({@code mode=multifield}, the
 * default) is supported, and only templates made of eval commands, as every ESCU detection writes them.
 *
 * <p>Example: {@code foreach a* [eval all=mvappend(all, '<<FIELD>>')]} on a row with {@code a0=ls, a1=-l}
 * appends {@code ls}, then {@code -l}.
 */
public final class ForeachCommandPlanner implements CommandPlanner {
    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments(CombiningCommandPlanners.generic(command));
        String mode = args.option("mode", "multifield").toLowerCase(Locale.ROOT);
        if (!mode.equals("multifield") && !mode.equals("auto_collections")) {
            throw PlanException.unsupported("foreach mode=" + mode + " (Quarry iterates over fields,"
                    + " mode=multifield)", command.span());
        }

        args.allowOptions("mode", "fieldstr", "matchstr", "matchseg1", "matchseg2", "matchseg3");
        ForeachTemplate.Placeholders placeholders = new ForeachTemplate.Placeholders(
                args.option("fieldstr", "<<FIELD>>"), args.option("matchstr", "<<MATCHSTR>>"),
                List.of(args.option("matchseg1", "<<MATCHSEG1>>"), args.option("matchseg2", "<<MATCHSEG2>>"),
                        args.option("matchseg3", "<<MATCHSEG3>>")));
        for (String name : List.of("fieldstr", "matchstr", "matchseg1", "matchseg2", "matchseg3")) {
            if (args.option(name, "x").isEmpty()) {
                throw PlanException.invalid("foreach: " + name + " must not be empty", command.span());
            }
        }

        Pipeline template = CombiningCommandPlanners.onlySubsearch(args, "template");
        List<FieldPattern> patterns = new ArrayList<>();
        for (String w : CombiningCommandPlanners.fieldWords(args)) {
            patterns.add(FieldPattern.compile(w));
        }
        if (patterns.isEmpty()) {
            throw PlanException.invalid("foreach needs at least one field name or pattern, as in foreach count_*"
                    + " [eval ...]", command.span());
        }

        List<EvalCommand> evals = new ArrayList<>();
        for (Command c : template.commands()) {
            if (!(c instanceof EvalCommand e)) {
                throw PlanException.unsupported("foreach template with " + c.name()
                        + " (Quarry runs templates made of eval commands)", c.span());
            }
            evals.add(e);
        }

        ForeachTemplate compiled = new ForeachTemplate(evals, placeholders, context);
        // Planning one sample match reports errors in the template (unknown functions, bad arguments) now.
        compiled.plan(new FieldMatch("field", "field", List.of("field", "field", "field")));
        return (next, run) -> new ForeachOperator(patterns,
                match -> last -> CombiningCommandPlanners.chain(compiled.stages(match), last, run).head(), next);
    }
}
