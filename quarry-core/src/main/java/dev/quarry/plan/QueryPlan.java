package dev.quarry.plan;

import dev.quarry.cim.DatasetDefinition;
import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.op.Collector;
import dev.quarry.exec.op.Limits;
import dev.quarry.exec.op.Operator;
import dev.quarry.spl.ast.SearchExpr;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * An executable search. Its source says which input rows start the pipeline: records of one data model dataset
 * that pass {@code filter} ({@code tstats}), or raw events that pass it (a search that starts with a filter).
 * Subsearches that read events of their own are plans too. {@link #newChain()} builds fresh operators for one
 * run.
 */
public final class QueryPlan {
    /** Where the first rows come from. */
    public sealed interface Source permits DatasetSource, RawSource, GeneratedSource {
        RowPredicate filter();
    }

    /**
     * Rows a generating command makes without reading events ({@code makeresults}, {@code inputlookup}); they are
     * pushed when the input ends, before the pipeline finishes.
     */
    public record GeneratedSource(Supplier<List<Row>> rows) implements Source {
        @Override
        public RowPredicate filter() {
            return RowPredicate.ALWAYS;
        }
    }

    /**
     * Records of a data model dataset, read with the dataset's field names (no prefix). {@code expression} is the
     * filter as written (field names with the prefix), or null for none; prefilters analyze it.
     */
    public record DatasetSource(DatasetDefinition dataset, RowPredicate filter, SearchExpr expression)
            implements Source {
    }

    /** Raw events, read with their own field names; {@code expression} is the filter as written, or null. */
    public record RawSource(RowPredicate filter, SearchExpr expression) implements Source {
    }

    /** One pipeline of a run: the source it reads, the operator its rows go to, and where its results end up. */
    public record Input(Source source, Operator head, Collector results) {
    }

    /**
     * The operators of one run. {@code inputs} lists every pipeline that reads events, subsearches before the
     * pipelines that use them, the main pipeline last; finish them in that order.
     */
    public record Chain(List<Input> inputs) {
        public Input main() {
            return inputs.get(inputs.size() - 1);
        }

        public Operator head() {
            return main().head();
        }

        public Collector results() {
            return main().results();
        }

        /** Ends the input of every pipeline, subsearches first, after pushing the rows of generating commands. */
        public void finish() {
            for (Input input : inputs) {
                if (input.source() instanceof GeneratedSource g) {
                    for (Row row : g.rows().get()) {
                        input.head().push(row);
                    }
                }
                input.head().finish();
            }
        }
    }

    /** Wraps each stage's operator of a run, for example to count the rows that pass each command. */
    @FunctionalInterface
    public interface StageObserver {
        Operator wrap(String command, Operator operator);

        StageObserver NONE = (command, operator) -> operator;
    }

    private final Source source;
    private final List<Stage> stages;
    private final List<String> stageNames;
    private final List<QueryPlan> subsearches;
    private final String description;
    private final Limits limits;

    QueryPlan(Source source, List<Stage> stages, List<String> stageNames, List<QueryPlan> subsearches,
            String description, Limits limits) {
        this.source = source;
        this.stages = List.copyOf(stages);
        this.stageNames = List.copyOf(stageNames);
        this.subsearches = List.copyOf(subsearches);
        this.description = description;
        this.limits = limits;
    }

    public Source source() {
        return source;
    }

    /** The plans of the subsearches that read events of their own. */
    public List<QueryPlan> subsearches() {
        return subsearches;
    }

    public Chain newChain() {
        return newChain(StageObserver.NONE);
    }

    /** Builds the operators of one run, letting {@code observer} wrap the operators of the main pipeline. */
    public Chain newChain(StageObserver observer) {
        return newChain(observer, Collector.results(limits.rows()));
    }

    /** Builds the operators of one run in front of {@code collector}, which receives the plan's result rows. */
    private Chain newChain(StageObserver observer, Collector collector) {
        List<Input> inputs = new ArrayList<>();
        List<Collector> subsearchResults = new ArrayList<>();
        for (QueryPlan sub : subsearches) {
            Chain subChain = sub.newChain(StageObserver.NONE, Collector.subsearchResults(sub.limits.rows()));
            inputs.addAll(subChain.inputs());
            subsearchResults.add(subChain.results());
        }
        RunBindings bindings = id -> {
            Collector c = subsearchResults.get(id);
            return (Supplier<List<Row>>) c::rows;
        };
        Operator next = collector;
        for (int i = stages.size() - 1; i >= 0; i--) {
            next = observer.wrap(stageNames.get(i), stages.get(i).create(next, bindings));
        }
        inputs.add(new Input(source, next, collector));
        return new Chain(List.copyOf(inputs));
    }

    /** A one-line summary of the plan, such as {@code tstats over Endpoint.Processes | rename | convert}. */
    public String description() {
        return description;
    }
}
