package dev.quarry.cli;

import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;

/** The root command; run without a subcommand it prints usage. */
@Command(
        name = "quarry",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = "Runs Splunk-style security detections (SPL over the CIM, ESCU content) on raw event logs.",
        subcommands = {HuntCommand.class, SearchCommand.class, EventsCommand.class, TestCommand.class, ContentCommand.class,
            HelpCommand.class})
final class QuarryCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
