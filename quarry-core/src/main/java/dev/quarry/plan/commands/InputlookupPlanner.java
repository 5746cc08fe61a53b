package dev.quarry.plan.commands;

import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.lookup.LookupTable;
import dev.quarry.exec.op.AppendRowsOperator;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.QueryPlan;
import dev.quarry.plan.SourcePlanner;
import dev.quarry.plan.Stage;
import dev.quarry.spl.Spl;
import dev.quarry.spl.SplSyntaxException;
import dev.quarry.spl.Unescape;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;

/**
 * {@code | inputlookup [append=<bool>] <table> [where <search>]}: one row per table row, in table order, with the
 * table's columns as fields (empty cells are absent fields). The where clause filters those rows with the search
 * language, as {@code | search} would. As the first command it generates the rows of the search. After the first
 * command it needs {@code append=t}, and adds the table's rows after the rows that reach it.
 */
public final class InputlookupPlanner implements SourcePlanner, CommandPlanner {
    private static final String SYNTAX = "inputlookup [append=<bool>] <table> [where <search>]";

    /** The parsed arguments: the table name, append, and the where clause's tokens joined with spaces. */
    private record Arguments(String table, boolean append, String where) {
    }

    @Override
    public QueryPlan.Source plan(Command first, PlanContext context, List<Stage> stages) {
        return new QueryPlan.GeneratedSource(rows(parse(first), first, context));
    }

    @Override
    public Stage plan(Command command, PlanContext context) {
        Arguments args = parse(command);
        if (!args.append()) {
            throw PlanException.invalid("inputlookup must be the first command of a search unless it has append=t,"
                    + " which adds the table's rows after the current results", command.span());
        }
        Supplier<List<Row>> rows = rows(args, command, context);
        return (next, run) -> new AppendRowsOperator(rows, next);
    }

    private static Supplier<List<Row>> rows(Arguments args, Command command, PlanContext context) {
        LookupTable table = LookupTables.resolve("inputlookup", args.table(), context, command.span()).table();
        RowPredicate filter = args.where() == null ? RowPredicate.ALWAYS : where(args.where(), command, context);
        return () -> {
            List<Row> rows = new ArrayList<>();
            for (int i = 0; i < table.size(); i++) {
                Row row = table.toRow(i);
                if (filter.test(row)) {
                    rows.add(row);
                }
            }
            return rows;
        };
    }

    private static RowPredicate where(String text, Command command, PlanContext context) {
        SearchExpr expr;
        try {
            expr = Spl.parseSearch(text);
        } catch (SplSyntaxException e) {
            throw PlanException.invalid("inputlookup: invalid where clause [" + text + "]: expected "
                    + e.expected() + " but found " + e.found(), command.span());
        }
        return context.compileSearch(expr);
    }

    /**
     * Reads the options before the table name, the table name, and the where clause. Options are read from the
     * tokens because a where clause such as {@code a=1} would otherwise read as an option.
     */
    private static Arguments parse(Command command) {
        GenericCommand generic = (GenericCommand) command;
        SourceSpan span = command.span();
        List<String> tokens = generic.arguments();
        boolean append = false;
        int i = 0;
        while (i + 2 < tokens.size() && tokens.get(i + 1).equals("=") && !tokens.get(i).startsWith("\"")) {
            String option = tokens.get(i).toLowerCase(Locale.ROOT);
            String value = Unescape.argument(tokens.get(i + 2));
            if (!option.equals("append")) {
                throw PlanException.unsupported("inputlookup option " + option + "=" + value, span);
            }
            append = switch (value.toLowerCase(Locale.ROOT)) {
                case "true", "t", "1" -> true;
                case "false", "f", "0" -> false;
                default -> throw PlanException.invalid("inputlookup: append must be true or false, not [" + value
                        + "]", span);
            };
            i += 3;
        }

        if (i >= tokens.size()) {
            throw PlanException.invalid("inputlookup: missing the lookup table name; expected " + SYNTAX, span);
        }
        String table = Unescape.argument(tokens.get(i));
        i++;
        if (i == tokens.size()) {
            return new Arguments(table, append, null);
        }

        if (!tokens.get(i).equalsIgnoreCase("where")) {
            throw PlanException.invalid("inputlookup: expected where after the table name " + table + " but found "
                    + tokens.get(i) + "; expected " + SYNTAX, span);
        }
        List<String> where = tokens.subList(i + 1, tokens.size());
        if (where.isEmpty()) {
            throw PlanException.invalid("inputlookup: where needs a search after it; expected " + SYNTAX, span);
        }
        for (String token : where) {
            if (token.startsWith("[") && token.endsWith("]")) {
                throw PlanException.unsupported("inputlookup: a subsearch in the where clause", span);
            }
        }
        return new Arguments(table, append, String.join(" ", where));
    }
}
