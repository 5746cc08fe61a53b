package dev.quarry.spl.ast;

import java.util.List;

/**
 * A command kept as its name and argument text: one whose arguments Quarry does not parse into a dedicated
 * node. The planner executes the ones it knows from these arguments and reports the others as unsupported.
 * {@code subsearches} holds the parsed bracketed subsearches among the arguments.
 */
public record GenericCommand(String name, List<String> arguments, List<Pipeline> subsearches, SourceSpan span)
        implements Command {
    public GenericCommand {
        arguments = List.copyOf(arguments);
        subsearches = List.copyOf(subsearches);
    }
}
