package dev.quarry.cli;

import picocli.CommandLine.Command;

/** {@code quarry content}: commands about detection content. */
@Command(name = "content", mixinStandardHelpOptions = true, description = "Inspects detection content.",
        subcommands = {ContentCheckCommand.class})
final class ContentCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(spec.commandLine().getOut());
    }
}
