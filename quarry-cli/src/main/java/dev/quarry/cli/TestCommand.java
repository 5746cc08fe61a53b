package dev.quarry.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.cim.CimCatalog;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionTest;
import dev.quarry.testing.DataResolver;
import dev.quarry.testing.DetectionTestRunner;
import dev.quarry.testing.TestResult;
import dev.quarry.testing.TestStatus;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quarry test}: replays each detection's test data offline and checks that it finds what it should. */
@Command(name = "test", mixinStandardHelpOptions = true,
        description = {"Runs the tests of detections: each test's attack data is read with its source and"
            + " sourcetype, the detection runs over it, and the test passes when the detection returns at least"
            + " one row (or none, for a test marked expect_no_results).",
            "Exit codes: 0 when no test failed or had an error (skipped tests do not count), 4 when some did,"
                + " 2 bad arguments."})
final class TestCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content = new ContentOptions();

    @Option(names = "--data-root", paramLabel = "DIR",
            description = "Where test data given as URLs lives: a URL's path from datasets/ on is looked up under"
                    + " DIR, as in a checkout of splunk/attack_data.")
    Path dataRoot;

    @Option(names = "--junit", paramLabel = "FILE", description = "Also write the results as JUnit XML to FILE.")
    Path junit;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Report format: table or jsonl (one object per test). Default: ${DEFAULT-VALUE}.")
    String format;

    @Option(names = "--explain", description = "For each failing test, show which conditions of the detection's"
            + " first command the nearest events failed, and how many rows each later command let through.")
    boolean explain;

    @Parameters(paramLabel = "DETECTION", description = "Detection names or YAML files to test. Default: every"
            + " detection of the content that has tests.")
    List<String> selection = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkWritable(junit, "--junit");
        if (!format.equals("table") && !format.equals("jsonl")) {
            throw new UsageException("--format must be table or jsonl, not " + format);
        }
        if (dataRoot != null && !Files.isDirectory(dataRoot)) {
            throw new UsageException("data root folder not found: " + dataRoot);
        }
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        content.detections.addAll(selection);
        CimCatalog catalog = content.catalog();
        ContentPack pack = content.load(err);
        List<Detection> detections = content.select(pack);
        DetectionTestRunner runner = new DetectionTestRunner(catalog, pack.macros(), pack.lookups(),
                new DataResolver(dataRoot, content.folders()), Inputs.evtx(), explain);

        List<TestResult> results = new ArrayList<>();
        for (Detection d : detections) {
            if (d.tests().isEmpty() && !selection.isEmpty()) {
                err.println("warning: detection '" + d.name() + "' has no tests");
            }
            for (DetectionTest t : d.tests()) {
                TestResult r = runner.run(d, t);
                results.add(r);
                if (format.equals("jsonl")) {
                    out.println(json(r));
                } else {
                    table(r, out);
                }
                out.flush();
            }
        }
        if (junit != null) {
            try (Writer w = new OutputStreamWriter(Files.newOutputStream(junit), StandardCharsets.UTF_8)) {
                JunitReport.write(results, w);
            }
        }
        Map<TestStatus, Integer> counts = new EnumMap<>(TestStatus.class);
        long millis = 0;
        for (TestResult r : results) {
            counts.merge(r.status(), 1, Integer::sum);
            millis += r.millis();
        }
        err.printf("%d tests: %d passed, %d failed, %d errors, %d skipped in %.1f s%n", results.size(),
                counts.getOrDefault(TestStatus.PASS, 0), counts.getOrDefault(TestStatus.FAIL, 0),
                counts.getOrDefault(TestStatus.ERROR, 0), counts.getOrDefault(TestStatus.SKIPPED, 0), millis / 1000.0);
        int skipped = counts.getOrDefault(TestStatus.SKIPPED, 0);
        if (skipped > 0 && skipped == results.size()) {
            err.println("note: no test ran; every test was skipped, for the reasons above"
                    + (dataRoot == null ? ". Tests whose data are URLs need --data-root with a local copy of the"
                            + " attack data" : "") + ".");
        }
        err.flush();
        boolean bad = counts.getOrDefault(TestStatus.FAIL, 0) + counts.getOrDefault(TestStatus.ERROR, 0) > 0;
        return bad ? ExitCodes.TESTS_FAILED : ExitCodes.OK;
    }

    private static void table(TestResult r, PrintWriter out) {
        out.printf("%-7s %s / %s (%.2f s)%n", r.status().name().toLowerCase(java.util.Locale.ROOT),
                r.detection().name(), r.test().name(), r.millis() / 1000.0);
        out.println("        " + r.reason());
        if (!r.explanation().isEmpty()) {
            for (String line : r.explanation().split("\n")) {
                out.println("        " + line);
            }
        }
    }

    private static String json(TestResult r) throws IOException {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("detection", r.detection().name());
            g.writeStringField("file", r.detection().file());
            g.writeStringField("test", r.test().name());
            g.writeStringField("status", r.status().name().toLowerCase(java.util.Locale.ROOT));
            g.writeStringField("reason", r.reason());
            g.writeNumberField("rows", r.rows());
            g.writeNumberField("events", r.events());
            g.writeNumberField("seconds", r.millis() / 1000.0);
            if (!r.explanation().isEmpty()) {
                g.writeStringField("explanation", r.explanation());
            }
            g.writeEndObject();
        }
        return sw.toString();
    }
}
