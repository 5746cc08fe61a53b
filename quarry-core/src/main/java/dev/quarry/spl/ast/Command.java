package dev.quarry.spl.ast;

/** One command of a pipeline, such as {@code tstats} or {@code rename}. */
public sealed interface Command
        permits SearchCommand, TstatsCommand, RenameCommand, ConvertCommand, EvalCommand, WhereCommand,
                StatsCommand, TableCommand, FieldsCommand, GenericCommand {
    /** The command name as Splunk documents it, lowercase. */
    String name();

    SourceSpan span();
}
