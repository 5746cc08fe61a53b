package dev.quarry.cli;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.ingest.InputReader;
import dev.quarry.run.DetectionResult;
import dev.quarry.run.DetectionRun;
import dev.quarry.prefilter.Prefilter;
import dev.quarry.run.OnePassRun;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quarry hunt}: runs every selected detection over files and folders in one pass. */
@Command(name = "hunt", mixinStandardHelpOptions = true,
        description = {"Runs detections over event logs and reports their results with risk scores and messages.",
            "Inputs are recognized by content: EVTX, Windows event XML, JSON lines (Sysmon/Security exports,"
                + " Winlogbeat/ECS, CrowdStrike), plain or in gzip or zip. Folders are read recursively.",
            "Exit codes: 0 complete run, 1 some input skipped or some detections could not run,"
                + " 2 bad arguments, 3 internal error."})
final class HuntCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content = new ContentOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress and no summary on stderr.")
    boolean quiet;

    @Option(names = "--threads", paramLabel = "N",
            description = "Threads that parse events, and threads that run detections when there are several"
                    + " (default: the number of processors). Results and their order do not depend on it.")
    int threads = Inputs.defaultThreads();

    @Option(names = "--no-prefilter", description = "Test every event against every detection: parse every event"
            + " instead of passing over those whose raw text no detection could match, and offer each record to every"
            + " detection instead of only to those whose required field values it has. Results are the same; this"
            + " is for checking that and for timing.")
    boolean noPrefilter;

    @Option(names = "--timings", description = "Measure the time each detection takes and list the most"
            + " expensive ones in the summary, with the records offered to each and accepted by its filter.")
    boolean timings;

    @Parameters(paramLabel = "PATH", description = "Files and folders to read. Default: the bundled samples.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkWritable(output, "--output");
        if (threads < 1) {
            throw new UsageException("--threads must be 1 or more, not " + threads);
        }
        PrintWriter err = spec.commandLine().getErr();
        List<Path> inputs = paths.isEmpty() ? List.of(QuarryHome.samples()) : paths;
        for (Path p : inputs) {
            if (!Files.exists(p)) {
                throw new UsageException("input not found: " + p);
            }
            if (!Files.isReadable(p)) {
                throw new UsageException("input not readable: " + p);
            }
        }
        CimCatalog catalog = content.catalog();
        ContentPack pack = content.load(err);
        List<Detection> selected = content.select(pack);
        List<CompiledDetection> compiled = ContentOptions.compile(selected, pack, catalog, content.evalContext());
        if (content.choseByName()) {
            for (CompiledDetection c : compiled) {
                if (!c.runnable()) {
                    err.println("quarry: " + c.detection().file() + ": " + c.failure().message());
                    return ExitCodes.USAGE;
                }
            }
        }

        DetectionRun run = DetectionRun.of(compiled, new Normalizer(catalog), !noPrefilter, threads);
        run.measureTime(timings);
        IngestStats stats = new IngestStats(run::accept, err, !quiet);
        List<Path> files = InputReader.expand(inputs);
        stats.expectBytes(totalSize(files));
        Prefilter prefilter = noPrefilter ? Prefilter.NONE : Prefilter.of(compiled, catalog);
        InputReader reader = Inputs.reader(stats, prefilter, threads);
        for (Path f : files) {
            reader.readFile(f);
        }
        reader.finish();
        List<DetectionResult> results = run.finish();
        OnePassRun.Held held = run.heldAtEnd();

        if (output != null) {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output),
                    StandardCharsets.UTF_8))) {
                FindingWriter.write(format, results, out);
            }
        } else {
            FindingWriter.write(format, results, spec.commandLine().getOut());
        }
        if (!quiet) {
            Summary.hunt(err, files.size(), stats, compiled, results, run.dispatch(), held);
            if (!pack.problems().isEmpty()) {
                err.printf("  content:    %,d file%s skipped as invalid (the warnings above name them)%n",
                        pack.problems().size(), pack.problems().size() == 1 ? "" : "s");
            }
            if (timings) {
                Summary.costs(err, run.costs(), stats.eventCount());
                Summary.prefilter(err, prefilter, noPrefilter);
            }
        }
        boolean incomplete = stats.problemCount() > 0 || compiled.stream().anyMatch(c -> !c.runnable())
                || results.stream().anyMatch(r -> r.runtimeError() != null) || !pack.problems().isEmpty();
        return incomplete ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    private static long totalSize(List<Path> files) {
        long total = 0;
        for (Path f : files) {
            try {
                total += Files.size(f);
            } catch (IOException e) {
                // the reader reports unreadable files when it gets to them
            }
        }
        return total;
    }
}
