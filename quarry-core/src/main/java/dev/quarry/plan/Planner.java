package dev.quarry.plan;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.DatasetDefinition;
import dev.quarry.content.Lookups;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.op.AggregateOperator;
import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.exec.op.Limits;
import dev.quarry.spl.ast.Aggregation;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.SearchCommand;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SourceSpan;
import dev.quarry.spl.ast.TstatsCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/** Builds a {@link QueryPlan} from a parsed pipeline, or explains why it cannot. */
public final class Planner {
    /** tstats options that change nothing for an engine that reads raw events instead of summaries. */
    private static final Set<String> IGNORED_TSTATS_OPTIONS = Set.of("summariesonly", "allow_old_summaries",
            "chunk_size", "local", "include_reduced_buckets");

    private final CimCatalog catalog;
    private final EvalContext evalContext;
    private final Lookups lookups;
    private final Limits limits;

    public Planner(CimCatalog catalog, EvalContext evalContext) {
        this(catalog, evalContext, new Lookups());
    }

    public Planner(CimCatalog catalog, EvalContext evalContext, Lookups lookups) {
        this(catalog, evalContext, lookups, Limits.DEFAULT);
    }

    /** Creates a planner whose plans keep at most {@code limits} in each operator that keeps rows or groups. */
    public Planner(CimCatalog catalog, EvalContext evalContext, Lookups lookups, Limits limits) {
        this.catalog = catalog;
        this.evalContext = evalContext;
        this.lookups = lookups;
        this.limits = limits;
    }

    CimCatalog catalog() {
        return catalog;
    }

    EvalContext evalContext() {
        return evalContext;
    }

    Lookups lookups() {
        return lookups;
    }

    Limits limits() {
        return limits;
    }

    public QueryPlan plan(Pipeline pipeline) {
        List<Command> commands = pipeline.commands();
        if (commands.isEmpty()) {
            throw PlanException.invalid("empty search", pipeline.span());
        }
        List<QueryPlan> subsearches = new ArrayList<>();
        PlanContext context = new PlanContext(this, subsearches);
        Command first = commands.get(0);
        QueryPlan.Source source;
        List<Stage> stages = new ArrayList<>();
        List<String> stageNames = new ArrayList<>();
        List<String> description = new ArrayList<>();
        if (first instanceof TstatsCommand tstats) {
            source = tstatsSource(tstats, stages, context);
            description.add("tstats over " + ((QueryPlan.DatasetSource) source).dataset().key());
        } else if (first instanceof SearchCommand search) {
            source = new QueryPlan.RawSource(context.compileSearch(search.filter()), search.filter());
            description.add("search raw events");
        } else if (SourcePlanners.find(first.name()) != null) {
            source = SourcePlanners.find(first.name()).plan(first, context, stages);
            description.add(first.name());
        } else {
            throw PlanException.unsupported("a search that starts with " + first.name()
                    + " (supported first commands: tstats, search and the generating commands "
                    + String.join(", ", SourcePlanners.names()) + ")", first.span());
        }
        while (stageNames.size() < stages.size()) {
            stageNames.add(first.name());
        }
        for (int i = 1; i < commands.size(); i++) {
            Command c = commands.get(i);
            stages.add(stage(c, context));
            stageNames.add(c.name());
            description.add(c.name());
        }
        return new QueryPlan(source, stages, stageNames, subsearches, String.join(" | ", description), limits);
    }

    /** Plans one command that follows the first, through the planner registered for its name. */
    Stage stage(Command c, PlanContext context) {
        if (c instanceof TstatsCommand t) {
            throw PlanException.unsupported("tstats after the first command (append=t or prestats)", t.span());
        }
        CommandPlanner planner = CommandPlanners.find(c.name());
        if (planner == null) {
            throw PlanException.unsupported("command " + c.name(), c.span());
        }
        return planner.plan(c, context);
    }

    // ---- tstats -------------------------------------------------------------------------------------------------

    private QueryPlan.Source tstatsSource(TstatsCommand t, List<Stage> stages, PlanContext context) {
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
        UnaryOperator<String> toRecordField = dataset::recordField;
        SearchExpr where = withoutNodename(t.where());
        RowPredicate filter = context.compileSearch(where, toRecordField);

        List<GroupedAggregation.GroupField> groupBy = new ArrayList<>();
        for (GroupedAggregation.GroupField g : Aggregations.groupFields(t.by(), t.byOptions(), toRecordField,
                t.span())) {
            // tstats has no sub-second buckets, and Splunk's automatic span for "by _time" starts at one second.
            boolean bareTime = g.sourceField().equals("_time") && g.spanSeconds() == 0;
            groupBy.add(bareTime ? new GroupedAggregation.GroupField(g.outputName(), "_time", 1) : g);
        }
        for (Aggregation a : t.aggregations()) {
            if (a.evalArgument() != null) {
                throw PlanException.unsupported("eval expressions inside tstats functions (Splunk rejects them too)",
                        a.span());
            }
        }
        List<GroupedAggregation.Function> functions = Aggregations.functions(t.aggregations(), toRecordField,
                context);
        String fill = t.options().get("fillnull_value");
        int maxGroups = limits.groups();
        stages.add((next, run) -> new AggregateOperator(new GroupedAggregation("tstats", groupBy, functions, fill,
                maxGroups), next));
        return new QueryPlan.DatasetSource(dataset, filter, where);
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

}
