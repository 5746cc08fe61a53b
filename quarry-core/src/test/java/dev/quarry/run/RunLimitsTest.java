package dev.quarry.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.content.Lookups;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.op.Limits;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.ReadProblem;
import dev.quarry.plan.Planner;
import dev.quarry.spl.macro.MacroLibrary;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Memory limits in a run over the bundled samples, 23 events of which 22 have an EventCode (1, 1102 or 4688): a
 * detection past a limit fails alone, and the run reports the state its detections keep.
 */
class RunLimitsTest {
    private static final CimCatalog CATALOG = CimCatalog.builtIn();

    private static List<CompiledDetection> compile(Limits limits, String... searches) {
        DetectionCompiler compiler = new DetectionCompiler(new MacroLibrary(),
                new Planner(CATALOG, EvalContext.atWallClock(), new Lookups(), limits));
        List<CompiledDetection> compiled = new ArrayList<>();
        for (String search : searches) {
            CompiledDetection c = compiler.compile(new Detection(search, null, null, null, search, null, null,
                    null, List.of(), List.of(), List.of(), null, null, 0, null, List.of(), List.of(), List.of(),
                    List.of(), "(test)", 0));
            assertThat(c.runnable()).as(search).isTrue();
            compiled.add(c);
        }
        return compiled;
    }

    private static OnePassRun readSamples(List<CompiledDetection> detections) throws IOException {
        OnePassRun run = new OnePassRun(detections, new Normalizer(CATALOG));
        InputReader reader = new InputReader(new IngestListener() {
            @Override
            public void event(Event event) {
                run.accept(event);
            }

            @Override
            public void problem(ReadProblem problem) {
                throw new AssertionError(problem.toString());
            }
        });
        for (Path f : InputReader.expand(List.of(Path.of("../samples")))) {
            reader.readFile(f);
        }
        reader.finish();
        return run;
    }

    @Test
    void detectionPastLimitFailsAlone() throws IOException {
        OnePassRun run = readSamples(compile(new Limits(30, 2),
                "EventCode=* | stats count by EventCode",
                "EventCode=4688 | stats count",
                "EventCode=* | dedup EventCode"));
        List<DetectionResult> results = run.finish();

        assertThat(results.get(0).runtimeError()).contains("stats keeps at most 2 groups until its input ends");
        assertThat(results.get(0).rows()).isEmpty();
        assertThat(results.get(1).runtimeError()).isNull();
        assertThat(results.get(1).rows()).hasSize(1);
        assertThat(results.get(1).rows().get(0).get("count").text()).isEqualTo("16");
        assertThat(results.get(2).runtimeError())
                .contains("dedup keeps at most 2 distinct combinations of its fields' values");
    }

    @Test
    void heldReportsKeptRowsAndGroups() throws IOException {
        OnePassRun run = readSamples(compile(Limits.DEFAULT,
                "EventCode=* | stats count by EventCode",
                "EventCode=4688 | stats count",
                "EventCode=* | dedup EventCode"));
        OnePassRun.Held held = run.held();

        assertThat(held.largestDetection()).as("dedup keeps every raw event")
                .isEqualTo("EventCode=* | dedup EventCode");
        assertThat(held.largest()).isEqualTo(22);
        assertThat(held.total()).as("3 groups, 1 group, 22 raw events").isEqualTo(3 + 1 + 22);
    }
}
