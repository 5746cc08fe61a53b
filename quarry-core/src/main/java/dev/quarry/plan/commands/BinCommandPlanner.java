package dev.quarry.plan.commands;

import dev.quarry.exec.RelativeTime;
import dev.quarry.exec.Values;
import dev.quarry.exec.op.BinOperator;
import dev.quarry.exec.op.Limits;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.SourceSpan;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code | bin [span=s] [bins=n] [minspan=s] [start=x] [end=x] [aligntime=t] field [as newfield]}, also named
 * {@code bucket}. {@code _time}, or any field with a span in time units, gets time bins; other fields numeric
 * bins. A span takes precedence over {@code bins}, which defaults to 100; {@code start} and {@code end} widen the
 * range that a chosen span must cover.
 */
public final class BinCommandPlanner implements CommandPlanner {
    private static final Pattern SPAN = Pattern.compile("(\\d+(?:\\.\\d+)?|\\.\\d+)\\s*([a-z]*)");
    private static final int DEFAULT_BINS = 100;

    /** A parsed span: seconds, or months, and whether it was written with a time unit. */
    private record Span(double seconds, int months, boolean timeUnit) {
    }

    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        args.allowOptions("span", "bins", "minspan", "start", "end", "aligntime");
        SourceSpan where = command.span();
        List<String> words = args.words();
        String field;
        String target;
        if (words.size() == 1) {
            field = words.get(0);
            target = field;
        } else if (words.size() == 3 && words.get(1).equalsIgnoreCase("as")) {
            field = words.get(0);
            target = words.get(2);
        } else {
            throw PlanException.invalid(command.name() + " takes one field and an optional AS name, as in "
                    + command.name() + " span=5m _time; found: " + String.join(" ", words), where);
        }

        String spanText = args.option("span", null);
        Span span = spanText == null ? null : span(spanText, command.name(), where);
        boolean time = field.equals("_time") || (span != null && span.timeUnit());
        Double align = aligntime(args.option("aligntime", null), time, command.name(), context, where);

        int bins = args.intOption("bins", DEFAULT_BINS);
        if (bins < 1) {
            throw PlanException.invalid(command.name() + ": bins must be 1 or more, not " + bins, where);
        }
        String minSpanText = args.option("minspan", null);
        double minSpan = minSpanText == null ? 0 : span(minSpanText, command.name(), where).seconds();

        BinOperator.Binning binning = new BinOperator.Binning(time, span == null ? 0 : span.seconds(),
                span == null ? 0 : span.months(), align, bins, number(args, "start", command.name(), where),
                number(args, "end", command.name(), where), minSpan);
        String name = command.name();
        Limits limits = context.limits();
        return (next, run) -> new BinOperator(name, field, target, binning, limits, next);
    }

    private static Span span(String text, String command, SourceSpan where) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.contains("log")) {
            throw PlanException.unsupported(command + " with a logarithmic span=" + text, where);
        }
        Matcher m = SPAN.matcher(t);
        if (!m.matches()) {
            throw PlanException.invalid(command + ": invalid span [" + text + "]; expected a number with an optional"
                    + " time unit, as in span=5m or span=10", where);
        }
        double amount = Double.parseDouble(m.group(1));
        if (amount <= 0) {
            throw PlanException.invalid(command + ": span must be positive, not " + text, where);
        }
        String unit = m.group(2);
        if (unit.isEmpty()) {
            return new Span(amount, 0, false);
        }
        if (unit.equals("mon") || unit.equals("month") || unit.equals("months")) {
            if (amount != Math.rint(amount)) {
                throw PlanException.invalid(command + ": a month span must be a whole number: " + text, where);
            }
            return new Span(0, (int) amount, true);
        }
        double factor = switch (unit) {
            case "us" -> 1e-6;
            case "ms" -> 1e-3;
            case "cs" -> 1e-2;
            case "ds" -> 1e-1;
            case "s", "sec", "secs", "second", "seconds" -> 1;
            case "m", "min", "mins", "minute", "minutes" -> 60;
            case "h", "hr", "hrs", "hour", "hours" -> 3600;
            case "d", "day", "days" -> 86_400;
            case "w", "week", "weeks" -> 7 * 86_400;
            default -> throw PlanException.unsupported(command + " span unit [" + unit + "] in span=" + text, where);
        };
        return new Span(amount * factor, 0, true);
    }

    /**
     * Returns the epoch seconds that time bins align to: a number, or a relative time such as {@code @d+3h}
     * applied to the search time. {@code earliest} and {@code latest} need the search's time range, which a run
     * over files does not have.
     */
    private static Double aligntime(String text, boolean time, String command, PlanContext context,
            SourceSpan where) {
        if (text == null) {
            return null;
        }
        if (!time) {
            throw PlanException.invalid(command + ": aligntime applies only to time bins", where);
        }
        String t = text.trim().toLowerCase(Locale.ROOT);
        if (t.equals("earliest") || t.equals("latest")) {
            throw PlanException.unsupported(command + " aligntime=" + text + " (a run over files has no search time"
                    + " range)", where);
        }
        Double epoch = Values.parseNumber(t);
        if (epoch != null) {
            return epoch;
        }
        Double relative = RelativeTime.apply(context.evalContext().nowSeconds(), t);
        if (relative == null) {
            throw PlanException.invalid(command + ": invalid aligntime [" + text + "]; expected epoch seconds or a"
                    + " relative time such as @d+3h", where);
        }
        return relative;
    }

    private static Double number(CommandArguments args, String name, String command, SourceSpan where) {
        String text = args.option(name, null);
        if (text == null) {
            return null;
        }
        Double n = Values.parseNumber(text.trim());
        if (n == null) {
            throw PlanException.invalid(command + ": " + name + " must be a number, not [" + text + "]", where);
        }
        return n;
    }
}
