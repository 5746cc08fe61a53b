package dev.quarry.plan;

import dev.quarry.cim.DatasetDefinition;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.op.Collector;
import dev.quarry.exec.op.Operator;
import java.util.function.Function;

/**
 * An executable search. Its source says which input rows start the pipeline: records of one data model dataset
 * that pass {@code filter} ({@code tstats}), or raw events that pass it (a search that starts with a filter).
 * {@link #newChain()} builds fresh operators for one run; the head receives the source rows.
 */
public final class QueryPlan {
    /** Where the first rows come from. */
    public sealed interface Source permits DatasetSource, RawSource {
        RowPredicate filter();
    }

    /** Records of a data model dataset, read with the dataset's field names (no prefix). */
    public record DatasetSource(DatasetDefinition dataset, RowPredicate filter) implements Source {
    }

    /** Raw events, read with their own field names. */
    public record RawSource(RowPredicate filter) implements Source {
    }

    /** The operators of one run: the head to push source rows into, and the collector at the end. */
    public record Chain(Operator head, Collector results) {
    }

    private final Source source;
    private final Function<Collector, Operator> chainBuilder;
    private final String description;

    QueryPlan(Source source, Function<Collector, Operator> chainBuilder, String description) {
        this.source = source;
        this.chainBuilder = chainBuilder;
        this.description = description;
    }

    public Source source() {
        return source;
    }

    public Chain newChain() {
        Collector collector = new Collector();
        return new Chain(chainBuilder.apply(collector), collector);
    }

    /** A one-line summary of the plan, such as {@code tstats over Endpoint.Processes | rename | convert}. */
    public String description() {
        return description;
    }
}
