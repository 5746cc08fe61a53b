package dev.quarry.plan;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.DatasetDefinition;
import dev.quarry.exec.CompileException;
import dev.quarry.exec.EvalCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.Evaluator;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.SearchPredicates;
import dev.quarry.exec.agg.Aggregator;
import dev.quarry.exec.agg.AggregatorFactory;
import dev.quarry.exec.op.AggregateOperator;
import dev.quarry.exec.op.ConvertOperator;
import dev.quarry.exec.op.EvalOperator;
import dev.quarry.exec.op.FilterOperator;
import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.exec.op.Operator;
import dev.quarry.exec.op.RenameOperator;
import dev.quarry.exec.op.TableOperator;
import dev.quarry.spl.ast.Aggregation;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.ConvertCommand;
import dev.quarry.spl.ast.EvalCommand;
import dev.quarry.spl.ast.FieldsCommand;
import dev.quarry.spl.ast.GenericCommand;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.RenameCommand;
import dev.quarry.spl.ast.SearchCommand;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SourceSpan;
import dev.quarry.spl.ast.StatsCommand;
import dev.quarry.spl.ast.TableCommand;
import dev.quarry.spl.ast.TstatsCommand;
import dev.quarry.spl.ast.WhereCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/** Builds a {@link QueryPlan} from a parsed pipeline, or explains why it cannot. */
public final class Planner {
    /** tstats options that change nothing for an engine that reads raw events instead of summaries. */
    private static final Set<String> IGNORED_TSTATS_OPTIONS = Set.of("summariesonly", "allow_old_summaries",
            "chunk_size", "local", "include_reduced_buckets");

    private final CimCatalog catalog;
    private final EvalContext evalContext;

    public Planner(CimCatalog catalog, EvalContext evalContext) {
        this.catalog = catalog;
        this.evalContext = evalContext;
    }

    public QueryPlan plan(Pipeline pipeline) {
        List<Command> commands = pipeline.commands();
        if (commands.isEmpty()) {
            throw PlanException.invalid("empty search", pipeline.span());
        }
        Command first = commands.get(0);
        QueryPlan.Source source;
        List<Function<Operator, Operator>> stages = new ArrayList<>();
        List<String> description = new ArrayList<>();
        if (first instanceof TstatsCommand tstats) {
            source = tstatsSource(tstats, stages);
            description.add("tstats over " + ((QueryPlan.DatasetSource) source).dataset().key());
        } else if (first instanceof SearchCommand search) {
            source = new QueryPlan.RawSource(compileSearch(search.filter(), UnaryOperator.identity()));
            description.add("search raw events");
        } else {
            throw PlanException.unsupported("a search that starts with " + first.name()
                    + " (supported first commands: tstats, search)", first.span());
        }
        for (int i = 1; i < commands.size(); i++) {
            Command c = commands.get(i);
            stages.add(stage(c));
            description.add(c.name());
        }
        List<Function<Operator, Operator>> ordered = List.copyOf(stages);
        Function<dev.quarry.exec.op.Collector, Operator> builder = collector -> {
            Operator next = collector;
            for (int i = ordered.size() - 1; i >= 0; i--) {
                next = ordered.get(i).apply(next);
            }
            return next;
        };
        return new QueryPlan(source, builder, String.join(" | ", description));
    }

    // ---- tstats -------------------------------------------------------------------------------------------------

    private QueryPlan.Source tstatsSource(TstatsCommand t, List<Function<Operator, Operator>> stages) {
        for (Map.Entry<String, String> o : t.options().entrySet()) {
            String key = o.getKey();
            if (key.equals("fillnull_value") || IGNORED_TSTATS_OPTIONS.contains(key)) {
                continue;
            }
            throw PlanException.unsupported("tstats option " + key + "=" + o.getValue(), t.span());
        }
        if (t.dataset() == null) {
            throw PlanException.unsupported("tstats without from datamodel=... (indexed fields of raw indexes)",
                    t.span());
        }
        DatasetDefinition dataset = resolveDataset(t.dataset(), t.where(), t.span());
        String prefix = dataset.object() + ".";
        UnaryOperator<String> toRecordField = name -> name.startsWith(prefix) ? name.substring(prefix.length()) : name;
        SearchExpr where = withoutNodename(t.where());
        RowPredicate filter = compileSearch(where, toRecordField);

        List<GroupedAggregation.GroupField> groupBy = groupFields(t.by(), t.byOptions(), toRecordField, t.span());
        List<GroupedAggregation.Function> functions = new ArrayList<>();
        for (Aggregation a : t.aggregations()) {
            if (a.evalArgument() != null) {
                throw PlanException.unsupported("eval expressions inside tstats functions (Splunk rejects them too)",
                        a.span());
            }
            functions.add(function(a, a.field() == null ? null : toRecordField.apply(a.field())));
        }
        String fill = t.options().get("fillnull_value");
        stages.add(next -> new AggregateOperator(new GroupedAggregation(groupBy, functions, fill), next));
        return new QueryPlan.DatasetSource(dataset, filter);
    }

    private DatasetDefinition resolveDataset(String spec, SearchExpr where, SourceSpan span) {
        String name = spec;
        String node = nodename(where);
        DatasetDefinition d = catalog.dataset(name).orElse(null);
        if (d == null && name.indexOf('.') < 0) {
            for (DatasetDefinition candidate : catalog.datasets()) {
                if (candidate.datamodel().equals(name) && node != null
                        && (node.equals(candidate.object()) || node.endsWith("." + candidate.object()))) {
                    d = candidate;
                }
            }
            if (d == null) {
                for (DatasetDefinition candidate : catalog.datasets()) {
                    if (candidate.datamodel().equals(name)) {
                        d = candidate;
                        break;
                    }
                }
            }
        }
        if (d == null) {
            List<String> known = catalog.datasets().stream().map(DatasetDefinition::key).sorted().toList();
            throw PlanException.unsupported("data model dataset " + spec + " (supported: " + String.join(", ", known)
                    + ")", span);
        }
        if (node != null && !node.equals(d.object()) && !node.endsWith("." + d.object())) {
            throw PlanException.unsupported("data model child dataset nodename=" + node, span);
        }
        return d;
    }

    /** The dataset named by {@code nodename=} at the top level of a tstats where clause, or null. */
    private static String nodename(SearchExpr where) {
        if (where instanceof SearchExpr.Compare c && c.field().equals("nodename")) {
            return c.value().text();
        }
        if (where instanceof SearchExpr.And and) {
            for (SearchExpr e : and.operands()) {
                String n = nodename(e);
                if (n != null) {
                    return n;
                }
            }
        }
        return null;
    }

    private static SearchExpr withoutNodename(SearchExpr where) {
        if (where instanceof SearchExpr.Compare c && c.field().equals("nodename")) {
            return null;
        }
        if (where instanceof SearchExpr.And and) {
            List<SearchExpr> kept = new ArrayList<>();
            for (SearchExpr e : and.operands()) {
                if (!(e instanceof SearchExpr.Compare c && c.field().equals("nodename"))) {
                    kept.add(e);
                }
            }
            if (kept.isEmpty()) {
                return null;
            }
            return kept.size() == 1 ? kept.get(0) : new SearchExpr.And(kept, and.span());
        }
        return where;
    }

    // ---- statistics ---------------------------------------------------------------------------------------------

    private GroupedAggregation.Function function(Aggregation a, String argumentField) {
        Supplier<Aggregator> state = AggregatorFactory.forName(a.function(),
                argumentField != null || a.evalArgument() != null);
        if (state == null) {
            throw PlanException.unsupported("statistical function " + a.function() + "()", a.span());
        }
        if (argumentField == null && a.evalArgument() == null && AggregatorFactory.needsArgument(a.function())) {
            throw PlanException.invalid(a.function() + "() needs a field, as in " + a.function() + "(process)",
                    a.span());
        }
        GroupedAggregation.ArgumentReader reader;
        if (a.evalArgument() != null) {
            Evaluator e = compileExpression(a.evalArgument());
            boolean counting = a.function().equalsIgnoreCase("count") || a.function().equalsIgnoreCase("c");
            reader = counting ? row -> truthy(e.eval(row)) : GroupedAggregation.ArgumentReader.expression(e);
        } else if (argumentField != null) {
            reader = GroupedAggregation.ArgumentReader.field(argumentField);
        } else {
            reader = GroupedAggregation.ArgumentReader.NONE;
        }
        return new GroupedAggregation.Function(a.outputName(), reader, state);
    }

    /**
     * {@code count(eval(x))} counts rows where {@code x} is true, or, for a non-boolean expression, non-null: the
     * reader turns a false boolean into "absent".
     */
    private static dev.quarry.exec.Value truthy(dev.quarry.exec.Value v) {
        if (v instanceof dev.quarry.exec.Value.Bool b) {
            return b.value() ? v : null;
        }
        return v;
    }

    private static List<GroupedAggregation.GroupField> groupFields(List<String> by, Map<String, String> options,
            UnaryOperator<String> toRecordField, SourceSpan span) {
        double spanSeconds = 0;
        for (Map.Entry<String, String> o : options.entrySet()) {
            if (o.getKey().equals("span")) {
                spanSeconds = TimeSpans.seconds(o.getValue(), span);
            } else {
                throw PlanException.unsupported("option " + o.getKey() + "=" + o.getValue() + " in a by clause",
                        span);
            }
        }
        List<GroupedAggregation.GroupField> fields = new ArrayList<>();
        for (String f : by) {
            double s = f.equals("_time") ? spanSeconds : 0;
            fields.add(new GroupedAggregation.GroupField(f, toRecordField.apply(f), s));
        }
        return fields;
    }

    // ---- commands after the first -----------------------------------------------------------------------------------

    private Function<Operator, Operator> stage(Command c) {
        if (c instanceof SearchCommand s) {
            RowPredicate p = compileSearch(s.filter(), UnaryOperator.identity());
            return next -> new FilterOperator(p, next);
        }
        if (c instanceof WhereCommand w) {
            Evaluator e = compileExpression(w.condition());
            RowPredicate p = row -> e.eval(row) instanceof dev.quarry.exec.Value.Bool b && b.value();
            return next -> new FilterOperator(p, next);
        }
        if (c instanceof EvalCommand e) {
            List<EvalOperator.Assignment> assignments = new ArrayList<>();
            for (EvalCommand.Assignment a : e.assignments()) {
                assignments.add(new EvalOperator.Assignment(a.field(), compileExpression(a.value())));
            }
            return next -> new EvalOperator(assignments, next);
        }
        if (c instanceof RenameCommand r) {
            List<RenameOperator.Clause> clauses = new ArrayList<>();
            for (RenameCommand.Rename rename : r.renames()) {
                if (count(rename.from(), '*') != count(rename.to(), '*')) {
                    throw PlanException.invalid("rename " + rename.from() + " as " + rename.to()
                            + ": both names need the same number of * wildcards", rename.span());
                }
                clauses.add(RenameOperator.Clause.of(rename.from(), rename.to()));
            }
            return next -> new RenameOperator(clauses, next);
        }
        if (c instanceof ConvertCommand cv) {
            return convert(cv);
        }
        if (c instanceof TableCommand t) {
            return next -> new TableOperator(TableOperator.Mode.TABLE, t.fields(), next);
        }
        if (c instanceof FieldsCommand f) {
            TableOperator.Mode mode = f.remove() ? TableOperator.Mode.REMOVE : TableOperator.Mode.KEEP;
            return next -> new TableOperator(mode, f.fields(), next);
        }
        if (c instanceof StatsCommand s) {
            return stats(s);
        }
        if (c instanceof TstatsCommand t) {
            throw PlanException.unsupported("tstats after the first command (append=t or prestats)", t.span());
        }
        if (c instanceof GenericCommand g) {
            throw PlanException.unsupported("command " + g.name(), g.span());
        }
        throw PlanException.unsupported("command " + c.name(), c.span());
    }

    private Function<Operator, Operator> stats(StatsCommand s) {
        if (!s.name().equals("stats")) {
            throw PlanException.unsupported("command " + s.name(), s.span());
        }
        for (String option : s.options().keySet()) {
            if (!option.equals("dedup_splitvals")) {
                throw PlanException.unsupported("stats option " + option, s.span());
            }
        }
        List<GroupedAggregation.GroupField> groupBy = groupFields(s.by(), s.byOptions(), UnaryOperator.identity(),
                s.span());
        List<GroupedAggregation.Function> functions = new ArrayList<>();
        for (Aggregation a : s.aggregations()) {
            functions.add(function(a, a.field()));
        }
        return next -> new AggregateOperator(new GroupedAggregation(groupBy, functions, null), next);
    }

    private Function<Operator, Operator> convert(ConvertCommand c) {
        String timeFormat = null;
        for (Map.Entry<String, String> o : c.options().entrySet()) {
            if (o.getKey().equals("timeformat")) {
                timeFormat = o.getValue();
            } else {
                throw PlanException.unsupported("convert option " + o.getKey(), c.span());
            }
        }
        List<ConvertOperator.Conversion> conversions = new ArrayList<>();
        for (ConvertCommand.Conversion conv : c.conversions()) {
            String function = conv.function().toLowerCase(Locale.ROOT);
            if (!ConvertOperator.supports(function)) {
                throw PlanException.unsupported("convert function " + function + "()", conv.span());
            }
            if (conv.field().indexOf('*') >= 0) {
                throw PlanException.unsupported("convert with a wildcard field " + conv.field(), conv.span());
            }
            conversions.add(new ConvertOperator.Conversion(function, conv.field(),
                    conv.alias() == null ? conv.field() : conv.alias()));
        }
        String format = timeFormat;
        return next -> new ConvertOperator(format, conversions, next);
    }

    // ---- expressions ------------------------------------------------------------------------------------------------

    private RowPredicate compileSearch(SearchExpr expr, UnaryOperator<String> fieldName) {
        try {
            return SearchPredicates.compile(expr, fieldName);
        } catch (UnsupportedOperationException e) {
            throw PlanException.unsupported(e.getMessage(), expr == null ? null : expr.span());
        }
    }

    private Evaluator compileExpression(dev.quarry.spl.ast.Expr expr) {
        try {
            return new EvalCompiler(evalContext).compile(expr);
        } catch (CompileException e) {
            throw new PlanException(e.getMessage(), e.span(), e.unsupported());
        }
    }

    private static int count(String s, char c) {
        int n = 0;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) == c) {
                n++;
            }
        }
        return n;
    }
}
