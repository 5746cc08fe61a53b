package dev.quarry.plan.commands;

import dev.quarry.exec.op.Operator;
import dev.quarry.exec.op.OperatorChain;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.RunBindings;
import dev.quarry.plan.SourcePlanner;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.Pipeline;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Registers the commands that combine pipelines: {@code join}, {@code append}, {@code appendpipe}, {@code foreach},
 * {@code transaction}, and {@code map}, which is reported as unsupported.
 */
public final class CombiningCommandPlanners {
    private CombiningCommandPlanners() {
    }

    public static void register(Map<String, CommandPlanner> commands, Map<String, SourcePlanner> sources) {
        commands.put("join", new JoinCommandPlanner());
        commands.put("append", new AppendCommandPlanner());
        commands.put("appendpipe", new AppendPipeCommandPlanner());
        commands.put("foreach", new ForeachCommandPlanner());
        commands.put("transaction", new TransactionCommandPlanner());
        commands.put("map", (command, context) -> {
            throw PlanException.unsupported("command map: it runs a new search for each result row, which needs"
                    + " another pass over the events, and Quarry reads them once", command.span());
        });
    }

    /** Returns the command as argument tokens, because these commands have no grammar rule of their own. */
    static GenericCommand generic(Command command) {
        if (command instanceof GenericCommand g) {
            return g;
        }
        throw PlanException.invalid(command.name() + ": unexpected arguments", command.span());
    }

    /**
     * Returns the one bracketed subsearch of a command, which must come after its other words. {@code what} names
     * the subsearch in messages ("subsearch", "template").
     */
    static Pipeline onlySubsearch(CommandArguments args, String what) {
        GenericCommand command = args.command();
        List<String> words = args.words();
        Pipeline found = null;
        for (int i = 0; i < words.size(); i++) {
            Pipeline p = args.subsearchOf(words.get(i));
            if (p == null) {
                continue;
            }
            if (found != null) {
                throw PlanException.invalid(command.name() + " takes one " + what + " in brackets, not several",
                        command.span());
            }
            if (i != words.size() - 1) {
                throw PlanException.invalid(command.name() + ": the " + what + " in brackets must be the last"
                        + " argument, but [" + words.get(words.size() - 1) + "] follows it", command.span());
            }
            found = p;
        }
        if (found == null) {
            throw PlanException.invalid(command.name() + " needs a " + what + " in brackets, as in "
                    + command.name() + " [search ...]", command.span());
        }
        return found;
    }

    /** Returns the words of a command other than its subsearch and the commas between field names. */
    static List<String> fieldWords(CommandArguments args) {
        return args.words().stream().filter(w -> !w.equals(",") && args.subsearchOf(w) == null).toList();
    }

    /** Builds the operators of planned stages in front of {@code last}, for one run. */
    static OperatorChain chain(List<Stage> stages, Operator last, RunBindings run) {
        List<Operator> built = new ArrayList<>(stages.size());
        Operator head = last;
        for (int i = stages.size() - 1; i >= 0; i--) {
            head = stages.get(i).create(head, run);
            built.add(head);
        }
        return new OperatorChain(head, built);
    }
}
