package dev.quarry.spl.ast;

import java.util.List;
import java.util.Map;

/**
 * {@code tstats}: statistics over a data model dataset ({@code from datamodel=Endpoint.Processes}), filtered by a
 * search-language {@code where} clause and grouped {@code by} fields. {@code dataset} and {@code where} are null
 * when absent. {@code byOptions} holds options written among the group fields, such as {@code span=1h}.
 */
public record TstatsCommand(Map<String, String> options, List<Aggregation> aggregations, String dataset,
        SearchExpr where, List<String> by, Map<String, String> byOptions, SourceSpan span) implements Command {
    public TstatsCommand {
        options = Map.copyOf(options);
        aggregations = List.copyOf(aggregations);
        by = List.copyOf(by);
        byOptions = Map.copyOf(byOptions);
    }

    @Override
    public String name() {
        return "tstats";
    }
}
