package dev.quarry.spl.ast;

import java.util.List;
import java.util.Map;

/** {@code convert [timeformat=...] ctime(f) [as g] ...}. */
public record ConvertCommand(Map<String, String> options, List<Conversion> conversions, SourceSpan span)
        implements Command {
    public ConvertCommand {
        options = Map.copyOf(options);
        conversions = List.copyOf(conversions);
    }

    @Override
    public String name() {
        return "convert";
    }

    /** One conversion function applied to a field; {@code alias} is null to convert in place. */
    public record Conversion(String function, String field, String alias, SourceSpan span) {
    }
}
