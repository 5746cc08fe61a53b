package dev.quarry.spl.ast;

import java.util.List;
import java.util.Map;

/** {@code stats}, {@code eventstats} or {@code streamstats}, told apart by {@link #name()}. */
public record StatsCommand(String name, Map<String, String> options, List<Aggregation> aggregations,
        List<String> by, Map<String, String> byOptions, SourceSpan span) implements Command {
    public StatsCommand {
        options = Map.copyOf(options);
        aggregations = List.copyOf(aggregations);
        by = List.copyOf(by);
        byOptions = Map.copyOf(byOptions);
    }
}
