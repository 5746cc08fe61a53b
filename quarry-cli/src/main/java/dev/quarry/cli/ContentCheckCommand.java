package dev.quarry.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.ingest.InputReader;
import dev.quarry.run.DetectionResult;
import dev.quarry.prefilter.Prefilter;
import dev.quarry.run.DetectionRun;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code quarry content check}: reports for every detection whether it parses, plans and runs ({@code ok}), uses
 * something Quarry does not support yet ({@code unsupported}, naming it), or has an error ({@code error}).
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Checks that every detection parses, plans and runs, and says why when one does not.",
            "Exit codes: 0 when every detection is ok, 1 when some are unsupported or in error, 2 bad arguments,"
                + " 4 when rows differ from --expect."})
final class ContentCheckCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern UNSUPPORTED_WHAT = Pattern.compile("not supported: (.*?)(?: \\(|$)");

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content = new ContentOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format: table or jsonl (one object per detection with name, file, status, reason).")
    String format;

    @Option(names = "--data", paramLabel = "PATH",
            description = "Also run the detections that compile over these files and folders; a detection that fails"
                    + " while running is reported as an error. Repeatable.")
    List<Path> data = new ArrayList<>();

    @Option(names = "--expect", paramLabel = "FILE",
            description = "With --data: a YAML list of the rows each detection should return, as entries with"
                    + " detection (its name), rows (the count) and why (the reasoning, for readers). Every detection"
                    + " that returns rows needs an entry; a difference fails the check with exit code 4.")
    Path expect;

    @Option(names = "--summary-only", description = "Print only the counts, not one line per detection.")
    boolean summaryOnly;

    @Override
    public Integer call() throws IOException {
        if (!format.equals("table") && !format.equals("jsonl")) {
            throw new UsageException("--format must be table or jsonl, not " + format);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        CimCatalog catalog = content.catalog();
        ContentPack pack = content.load(err);
        List<Detection> selected = content.select(pack);
        List<CompiledDetection> compiled = ContentOptions.compile(selected, pack, catalog, content.evalContext());
        Map<CompiledDetection, String> runtimeErrors = new HashMap<>();
        Map<String, Integer> rowCounts = new HashMap<>();
        if (expect != null && data.isEmpty()) {
            throw new UsageException("--expect needs --data: the expected rows are those of a run over data");
        }
        Map<String, Integer> expected = expect == null ? null : Expectations.read(expect);
        if (!data.isEmpty()) {
            for (Path p : data) {
                if (!Files.exists(p)) {
                    throw new UsageException("input not found: " + p);
                }
            }
            DetectionRun run = DetectionRun.of(compiled, new Normalizer(catalog), true, Inputs.defaultThreads());
            IngestStats stats = new IngestStats(run::accept, err, true);
            InputReader reader = Inputs.reader(stats, Prefilter.of(compiled, catalog), Inputs.defaultThreads());
            for (Path f : InputReader.expand(data)) {
                reader.readFile(f);
            }
            reader.finish();
            for (DetectionResult r : run.finish()) {
                if (r.runtimeError() != null) {
                    runtimeErrors.put(r.detection(), r.runtimeError());
                } else {
                    rowCounts.merge(r.detection().detection().name(), r.rows().size(), Integer::sum);
                }
            }
            err.printf("data: %,d events read, %,d input problems%n", stats.eventCount(), stats.problemCount());
        }

        Map<String, int[]> byFolder = new TreeMap<>();
        Map<String, Integer> unsupportedWhat = new TreeMap<>();
        int ok = 0;
        int unsupported = 0;
        int errors = 0;
        for (CompiledDetection c : compiled) {
            String status = c.status();
            String reason = c.runnable() ? "" : c.failure().message();
            if (runtimeErrors.containsKey(c)) {
                status = "error";
                reason = "detection '" + c.detection().name() + "': " + runtimeErrors.get(c);
            }
            int[] counts = byFolder.computeIfAbsent(folderOf(c.detection().file()), k -> new int[3]);
            switch (status) {
                case "ok" -> {
                    ok++;
                    counts[0]++;
                }
                case "unsupported" -> {
                    unsupported++;
                    counts[1]++;
                    Matcher m = UNSUPPORTED_WHAT.matcher(reason);
                    unsupportedWhat.merge(m.find() ? m.group(1) : reason, 1, Integer::sum);
                }
                default -> {
                    errors++;
                    counts[2]++;
                }
            }
            if (!summaryOnly) {
                if (format.equals("jsonl")) {
                    out.println(jsonLine(c.detection(), status, reason));
                } else if (!status.equals("ok")) {
                    out.println(status + "\t" + c.detection().file() + "\t" + reason);
                }
            }
        }
        out.flush();
        long parsed = compiled.stream().filter(c -> c.runnable() || c.failure().unsupported()
                || !c.failure().message().contains("syntax error")).count();
        long planned = compiled.stream().filter(CompiledDetection::runnable).count();
        err.printf("content check: %,d detections: %,d parse, %,d plan; %,d ok, %,d unsupported, %,d errors"
                + " (%,d content files skipped)%n", compiled.size(), parsed, planned, ok, unsupported, errors,
                pack.problems().size());
        for (Map.Entry<String, int[]> e : byFolder.entrySet()) {
            int[] c = e.getValue();
            int total = c[0] + c[1] + c[2];
            err.printf("  %-28s %5d detections: %5d ok (%.1f%%), %4d unsupported, %4d errors%n", e.getKey(), total,
                    c[0], 100.0 * c[0] / Math.max(1, total), c[1], c[2]);
        }
        if (!unsupportedWhat.isEmpty()) {
            err.println("  most common unsupported constructs:");
            unsupportedWhat.entrySet().stream().sorted((a, b) -> b.getValue() - a.getValue()).limit(15)
                    .forEach(e -> err.printf("    %4d  %s%n", e.getValue(), e.getKey()));
        }
        err.flush();
        if (expected != null) {
            List<String> differences = Expectations.compare(expected, rowCounts);
            for (String d : differences) {
                err.println("expectation: " + d);
            }
            err.printf("expectations: %,d entries, %,d detections returned rows, %,d differences%n", expected.size(),
                    rowCounts.values().stream().filter(n -> n > 0).count(), differences.size());
            err.flush();
            if (!differences.isEmpty()) {
                return ExitCodes.TESTS_FAILED;
            }
        }
        return unsupported + errors == 0 && pack.problems().isEmpty() ? ExitCodes.OK : ExitCodes.INCOMPLETE;
    }

    /** The folder a detection lives in, relative to a {@code detections/} folder when there is one. */
    private static String folderOf(String file) {
        Path p = Path.of(file);
        Path parent = p.getParent();
        if (parent == null) {
            return ".";
        }
        for (int i = parent.getNameCount() - 1; i >= 0; i--) {
            if (parent.getName(i).toString().equals("detections")) {
                return i + 1 < parent.getNameCount() ? parent.subpath(i + 1, parent.getNameCount()).toString() : ".";
            }
        }
        return parent.getFileName().toString();
    }

    private static String jsonLine(Detection d, String status, String reason) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("name", d.name());
            g.writeStringField("file", d.file());
            g.writeStringField("status", status);
            g.writeStringField("reason", reason);
            g.writeEndObject();
        }
        return sw.toString();
    }
}
