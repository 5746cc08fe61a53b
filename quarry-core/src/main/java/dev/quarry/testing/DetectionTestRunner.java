package dev.quarry.testing;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.AttackData;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.content.DetectionTest;
import dev.quarry.content.Lookups;
import dev.quarry.exec.EvalContext;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.EvtxInput;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.ReadProblem;
import dev.quarry.plan.Planner;
import dev.quarry.run.DetectionResult;
import dev.quarry.run.OnePassRun;
import dev.quarry.spl.macro.MacroLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Runs a detection's tests offline, as Splunk's test tool does with a Splunk instance: each test's attack data
 * is read with the test's source and sourcetype, the detection runs over the whole time range of that data, and
 * the test passes when the detection returns at least one row (or none, for a test that expects none).
 *
 * <p>{@code now()} in a detection is the time of the latest event of the test data, since the data was recorded
 * long before the test runs; finding that time takes a first pass over the data, done only for detections whose
 * search calls {@code now()}.
 */
public final class DetectionTestRunner {
    private final CimCatalog catalog;
    private final MacroLibrary macros;
    private final Lookups lookups;
    private final DataResolver resolver;
    private final EvtxInput evtx;
    private final boolean explain;

    public DetectionTestRunner(CimCatalog catalog, MacroLibrary macros, Lookups lookups, DataResolver resolver,
            EvtxInput evtx, boolean explain) {
        this.catalog = catalog;
        this.macros = macros;
        this.lookups = lookups;
        this.resolver = resolver;
        this.evtx = evtx;
        this.explain = explain;
    }

    public TestResult run(Detection detection, DetectionTest test) {
        long started = System.nanoTime();
        List<ResolvedData> data = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (AttackData a : test.attackData()) {
            List<String> tried = new ArrayList<>();
            Optional<Path> file = resolver.resolve(a.data(), detection.file(), tried);
            if (file.isPresent()) {
                data.add(new ResolvedData(file.get(), a));
            } else {
                missing.add(a.data() + " (looked at: " + String.join(", ", tried) + ")");
            }
        }
        if (test.attackData().isEmpty()) {
            return result(detection, test, TestStatus.SKIPPED, "the test lists no attack data", 0, 0, started, "");
        }
        if (!missing.isEmpty()) {
            return result(detection, test, TestStatus.SKIPPED, "test data not found: " + String.join("; ", missing), 0,
                    0, started, "");
        }

        double now = System.currentTimeMillis() / 1000.0;
        boolean usesNow = detection.search().toLowerCase(Locale.ROOT).contains("now()");
        if (usesNow) {
            long[] latest = {Long.MIN_VALUE};
            Outcome scan = read(data, e -> latest[0] = Math.max(latest[0], e.timeMicros()));
            if (scan.events() > 0) {
                now = latest[0] / 1_000_000.0;
            }
        }
        CompiledDetection compiled = new DetectionCompiler(macros, new Planner(catalog, new EvalContext(now), lookups))
                .compile(detection);
        if (!compiled.runnable()) {
            TestStatus status = TestStatus.ERROR;
            return result(detection, test, status, compiled.status() + ": " + compiled.failure().message(), 0, 0,
                    started, "");
        }

        OnePassRun run = new OnePassRun(List.of(compiled), new Normalizer(catalog));
        Outcome outcome = read(data, run::accept);
        if (outcome.events() == 0 && !outcome.problems().isEmpty()) {
            return result(detection, test, TestStatus.ERROR, "no events could be read from the test data: "
                    + outcome.problems().get(0), 0, 0, started, "");
        }
        DetectionResult r = run.finish().get(0);
        if (r.runtimeError() != null) {
            return result(detection, test, TestStatus.ERROR, r.runtimeError(), 0, outcome.events(), started, "");
        }
        int rows = r.rows().size();
        boolean passed = test.expectNoResults() ? rows == 0 : rows > 0;
        String reason = describe(rows, outcome, test.expectNoResults());
        if (passed) {
            return result(detection, test, TestStatus.PASS, reason, rows, outcome.events(), started, "");
        }
        String explanation = "";
        if (explain) {
            Explainer explainer = new Explainer(compiled, new Normalizer(catalog));
            read(data, explainer::accept);
            explanation = explainer.report();
        }
        return result(detection, test, TestStatus.FAIL, reason, rows, outcome.events(), started, explanation);
    }

    private static String describe(int rows, Outcome outcome, boolean expectNone) {
        String expected = expectNone ? "expected no results" : "expected at least one result";
        String got = rows == 0 ? "no results" : rows + (rows == 1 ? " result" : " results");
        String skipped = outcome.problems().isEmpty() ? "" : "; " + outcome.problems().size()
                + " input problems, the first: " + outcome.problems().get(0);
        return got + " from " + String.format("%,d", outcome.events()) + (outcome.events() == 1 ? " event (" : " events (") + expected + ")" + skipped;
    }

    private static TestResult result(Detection d, DetectionTest t, TestStatus status, String reason, int rows,
            long events, long started, String explanation) {
        long millis = (System.nanoTime() - started) / 1_000_000;
        return new TestResult(d, t, status, reason, rows, events, millis, explanation);
    }

    private record ResolvedData(Path file, AttackData spec) {
    }

    private record Outcome(long events, List<ReadProblem> problems) {
    }

    /** Reads every data file, giving each event the source and sourcetype its test entry names. */
    private Outcome read(List<ResolvedData> data, Consumer<Event> events) {
        long[] count = {0};
        List<ReadProblem> problems = new ArrayList<>();
        for (ResolvedData d : data) {
            IngestListener listener = new IngestListener() {
                @Override
                public void event(Event event) {
                    count[0]++;
                    events.accept(event.withSource(d.spec().source(), d.spec().sourcetype()));
                }

                @Override
                public void problem(ReadProblem problem) {
                    if (problem.skipped()) {
                        problems.add(problem);
                    }
                }
            };
            new InputReader(listener, evtx).readFile(d.file());
        }
        return new Outcome(count[0], problems);
    }
}
