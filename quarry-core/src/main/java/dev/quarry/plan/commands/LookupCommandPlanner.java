package dev.quarry.plan.commands;

import dev.quarry.exec.lookup.FieldLookup;
import dev.quarry.exec.lookup.LookupMatcher;
import dev.quarry.exec.lookup.LookupTable;
import dev.quarry.exec.op.LookupOperator;
import dev.quarry.plan.CommandArguments;
import dev.quarry.plan.CommandPlanner;
import dev.quarry.plan.PlanContext;
import dev.quarry.plan.PlanException;
import dev.quarry.plan.Stage;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * {@code | lookup [update=<bool>] [local=<bool>] <table> <column> [AS <field>] ... [OUTPUT | OUTPUTNEW <column>
 * [AS <field>] ...]}: matches each row against a lookup table and writes the columns of the matching rows into
 * the row. {@link FieldLookup} describes the matching and what is written. Without an output clause every column
 * but the match columns is written, as with {@code OUTPUT}.
 *
 * <p>{@code update=true} makes Splunk re-read a table that changes on disk during a real-time search, and
 * {@code local=true} runs the lookup on the search head instead of the indexers. Quarry reads each table once per
 * process and has neither real-time searches nor indexers, so both options are checked and then change nothing.
 */
public final class LookupCommandPlanner implements CommandPlanner {
    private static final String SYNTAX = "lookup <table> <column> [AS <field>] ... [OUTPUT | OUTPUTNEW <column>"
            + " [AS <field>] ...]";

    /** A column of the table and the row field it is read from or written to. */
    private record FieldPair(String column, String field) {
    }

    @Override
    public Stage plan(Command command, PlanContext context) {
        CommandArguments args = new CommandArguments((GenericCommand) command);
        SourceSpan span = command.span();
        args.allowOptions("update", "local");
        args.booleanOption("update", false);
        args.booleanOption("local", false);

        List<String> words = args.words();
        if (words.isEmpty() || isKeyword(args, 0)) {
            throw PlanException.invalid("lookup: missing the lookup table name; expected " + SYNTAX, span);
        }
        int[] position = {1};
        List<FieldPair> matches = pairs(args, position, true, span);
        if (matches.isEmpty()) {
            throw PlanException.invalid("lookup: missing the column to match after the table name; expected "
                    + SYNTAX, span);
        }
        boolean outputNew = false;
        List<FieldPair> outputs = null;
        if (position[0] < words.size()) {
            outputNew = words.get(position[0]).equalsIgnoreCase("OUTPUTNEW");
            String keyword = words.get(position[0]).toUpperCase(Locale.ROOT);
            position[0]++;
            outputs = pairs(args, position, false, span);
            if (outputs.isEmpty()) {
                throw PlanException.invalid("lookup: " + keyword + " needs at least one column; expected " + SYNTAX,
                        span);
            }
        }

        LookupTables.Resolved lookup = LookupTables.resolve("lookup", words.get(0), context, span);
        LookupTable table = lookup.table();
        List<String> matchColumns = new ArrayList<>();
        List<String> matchFields = new ArrayList<>();
        for (FieldPair p : matches) {
            requireColumn(lookup, p.column(), span);
            matchColumns.add(p.column());
            matchFields.add(p.field());
        }
        List<FieldLookup.Output> written = new ArrayList<>();
        if (outputs == null) {
            for (String column : table.columns()) {
                if (!matchColumns.contains(column)) {
                    written.add(new FieldLookup.Output(table.column(column), column));
                }
            }
        } else {
            for (FieldPair p : outputs) {
                requireColumn(lookup, p.column(), span);
                written.add(new FieldLookup.Output(table.column(p.column()), p.field()));
            }
        }

        LookupMatcher matcher = context.lookups().matcher(lookup.definition(), matchColumns);
        FieldLookup.Options options = new FieldLookup.Options(lookup.definition().maxMatches(),
                lookup.definition().minMatches(), lookup.definition().defaultMatch());
        FieldLookup fieldLookup = new FieldLookup(table, matcher, matchFields, written, outputNew, options);
        return (next, run) -> new LookupOperator(fieldLookup, next);
    }

    /**
     * Reads {@code column [AS field]} pairs, separated by spaces or commas, from {@code position[0]} and advances
     * it. The match list stops before {@code OUTPUT} or {@code OUTPUTNEW}; the output list runs to the end.
     */
    private static List<FieldPair> pairs(CommandArguments args, int[] position, boolean matchList, SourceSpan span) {
        List<String> words = args.words();
        List<FieldPair> pairs = new ArrayList<>();
        int i = position[0];
        while (i < words.size()) {
            String word = words.get(i);
            if (isComma(args, i)) {
                i++;
                continue;
            }
            if (isOutputKeyword(args, i)) {
                if (matchList) {
                    break;
                }
                throw PlanException.invalid("lookup: a second " + word.toUpperCase(Locale.ROOT) + " clause; expected "
                        + SYNTAX, span);
            }
            if (isAs(args, i)) {
                throw PlanException.invalid("lookup: AS without a column name before it; expected " + SYNTAX, span);
            }
            String field = word;
            i++;
            if (i < words.size() && isAs(args, i)) {
                if (i + 1 >= words.size() || isKeyword(args, i + 1) || isComma(args, i + 1)) {
                    throw PlanException.invalid("lookup: AS after " + word + " needs a field name; expected "
                            + SYNTAX, span);
                }
                field = words.get(i + 1);
                i += 2;
            }
            pairs.add(new FieldPair(word, field));
        }
        position[0] = i;
        return pairs;
    }

    private static void requireColumn(LookupTables.Resolved lookup, String column, SourceSpan span) {
        if (lookup.table().column(column) < 0) {
            throw PlanException.invalid("lookup: no column [" + column + "] in lookup " + lookup.describe()
                    + "; its columns are " + String.join(", ", lookup.table().columns()), span);
        }
    }

    private static boolean isComma(CommandArguments args, int i) {
        return !args.quoted(i) && args.words().get(i).equals(",");
    }

    private static boolean isAs(CommandArguments args, int i) {
        return !args.quoted(i) && args.words().get(i).equalsIgnoreCase("AS");
    }

    private static boolean isOutputKeyword(CommandArguments args, int i) {
        String w = args.words().get(i);
        return !args.quoted(i) && (w.equalsIgnoreCase("OUTPUT") || w.equalsIgnoreCase("OUTPUTNEW"));
    }

    private static boolean isKeyword(CommandArguments args, int i) {
        return isAs(args, i) || isOutputKeyword(args, i);
    }
}
