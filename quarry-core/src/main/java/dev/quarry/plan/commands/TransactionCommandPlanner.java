package dev.quarry.plan.commands;

import dev.quarry.exec.Evaluator;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.Value;
import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.TransactionOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.plan.TimeSpans;
import dev.quarry.spl.Spl;
import dev.quarry.spl.SplSyntaxException;
import dev.quarry.spl.Unescape;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * {@code transaction [fields...] [maxspan=] [maxpause=] [maxevents=] [startswith=] [endswith=] [connected=]}, the
 * options ESCU's detections use; see {@link TransactionOperator} for how transactions form. Any other option is
 * reported as unsupported, except the display and eviction options written with their default values.
 *
 * <p>{@code startswith} and {@code endswith} take a search expression in parentheses or double quotes
 * ({@code startswith=(EventCode=4698)}, {@code startswith="EventCode=4698"}), or an eval expression
 * ({@code startswith=eval(count>1)}). {@code connected} changes nothing: Quarry requires every row of a transaction
 * to have all the transaction fields, so no row ever joins on some of them only, which is what it governs.
 */
public final class TransactionCommandPlanner implements CommandPlanner {
    /** The default for {@code maxevents}. NOTE: Splunk's default as recalled, not checked against its reference. */
    static final int DEFAULT_MAX_EVENTS = 1000;

    /** Options accepted only with these values, Splunk's defaults, which are what Quarry does. */
    private static final Map<String, Set<String>> DEFAULT_ONLY = Map.of(
            "keepevicted", Set.of("false", "f", "0"),
            "keeporphans", Set.of("false", "f", "0"),
            "mvlist", Set.of("false", "f", "0"),
            "mvraw", Set.of("false", "f", "0"),
            "unifyends", Set.of("false", "f", "0"));

    /** The arguments as written: fields in order, plain options by lowercase name, and the two filters. */
    private record Arguments(List<String> fields, Map<String, String> options, RowPredicate startsWith,
            RowPredicate endsWith) {
    }

    @Override
    public Stage plan(Command command, PlanContext context) {
        Arguments args = parse(CombiningCommandPlanners.generic(command), context);

        double maxSpan = -1;
        double maxPause = -1;
        int maxEvents = DEFAULT_MAX_EVENTS;
        for (Map.Entry<String, String> o : args.options().entrySet()) {
            String value = o.getValue();
            switch (o.getKey()) {
                case "maxspan" -> maxSpan = duration(value, command);
                case "maxpause" -> maxPause = duration(value, command);
                case "maxevents" -> maxEvents = integer(value, "maxevents", command);
                case "connected" -> bool(value, "connected", command);
                default -> {
                    Set<String> defaults = DEFAULT_ONLY.get(o.getKey());
                    if (defaults == null || !defaults.contains(value.toLowerCase(Locale.ROOT))) {
                        throw PlanException.unsupported("transaction option " + o.getKey() + "=" + value
                                + " (Quarry supports the fields and maxspan, maxpause, maxevents, startswith,"
                                + " endswith and connected)", command.span());
                    }
                }
            }
        }

        TransactionOperator.Spec spec = new TransactionOperator.Spec(args.fields(), maxSpan, maxPause, maxEvents,
                args.startsWith(), args.endsWith());
        Limits limits = context.limits();
        return (next, run) -> new TransactionOperator(spec, limits, next);
    }

    /**
     * Reads the argument tokens. The filters of {@code startswith} and {@code endswith} span several tokens, so
     * {@link CommandArguments}, which takes one token per option value, cannot read them.
     */
    private static Arguments parse(GenericCommand command, PlanContext context) {
        List<String> tokens = command.arguments();
        List<String> fields = new ArrayList<>();
        Map<String, String> options = new LinkedHashMap<>();
        RowPredicate startsWith = null;
        RowPredicate endsWith = null;
        int i = 0;
        while (i < tokens.size()) {
            String token = tokens.get(i);
            if (token.equals(",")) {
                i++;
                continue;
            }
            if (token.startsWith("[")) {
                throw PlanException.invalid("transaction takes no subsearch", command.span());
            }
            boolean option = i + 1 < tokens.size() && tokens.get(i + 1).equals("=") && !token.startsWith("\"");
            if (!option) {
                fields.add(Unescape.argument(token));
                i++;
                continue;
            }

            String name = token.toLowerCase(Locale.ROOT);
            if (i + 2 >= tokens.size()) {
                throw PlanException.invalid("transaction: " + name + "= needs a value", command.span());
            }
            if (name.equals("startswith") || name.equals("endswith")) {
                int end = filterEnd(tokens, i + 2, name, command);
                RowPredicate filter = filter(tokens.subList(i + 2, end), name, command, context);
                if (name.equals("startswith")) {
                    startsWith = filter;
                } else {
                    endsWith = filter;
                }
                i = end;
                continue;
            }
            options.put(name, Unescape.argument(tokens.get(i + 2)));
            i += 3;
        }
        return new Arguments(fields, options, startsWith, endsWith);
    }

    /**
     * Returns the index after the value of a filter option that starts at {@code start}: after the matching parenthesis
     * for {@code (...)} and {@code eval(...)}, else after the one token.
     */
    private static int filterEnd(List<String> tokens, int start, String name, Command command) {
        String first = tokens.get(start);
        if (!first.equals("(") && !isEvalOpen(first)) {
            return start + 1;
        }
        int depth = 0;
        for (int i = start; i < tokens.size(); i++) {
            String t = tokens.get(i);
            if (t.equals("(") || isEvalOpen(t)) {
                depth++;
            } else if (t.equals(")")) {
                depth--;
                if (depth == 0) {
                    return i + 1;
                }
            }
        }
        throw PlanException.invalid("transaction: the parenthesis after " + name + "= is not closed",
                command.span());
    }

    private static boolean isEvalOpen(String token) {
        return token.endsWith("(") && token.substring(0, token.length() - 1).trim().equalsIgnoreCase("eval");
    }

    private static RowPredicate filter(List<String> value, String name, Command command, PlanContext context) {
        String first = value.get(0);
        try {
            if (isEvalOpen(first)) {
                String text = String.join(" ", value.subList(1, value.size() - 1));
                Evaluator e = context.compileExpression(Spl.parseExpression(text));
                return row -> e.eval(row) instanceof Value.Bool b && b.value();
            }
            String text = first.equals("(") ? String.join(" ", value) : Unescape.argument(first);
            return context.compileSearch(Spl.parseSearch(text));
        } catch (SplSyntaxException e) {
            throw PlanException.invalid("transaction: " + name + "= is not a valid filter: expected "
                    + e.expected() + " but found " + e.found(), command.span());
        }
    }

    private static double duration(String value, Command command) {
        if (value.trim().equals("-1")) {
            return -1;
        }
        return TimeSpans.seconds(value, command.span());
    }

    private static int integer(String value, String name, Command command) {
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw PlanException.invalid("transaction: " + name + " must be a whole number, not [" + value + "]",
                    command.span());
        }
    }

    private static boolean bool(String value, String name, Command command) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true", "t", "1" -> true;
            case "false", "f", "0" -> false;
            default -> throw PlanException.invalid("transaction: " + name + " must be true or false, not ["
                    + value + "]", command.span());
        };
    }
}
