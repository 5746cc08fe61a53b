package dev.quarry.run;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.ReadProblem;
import dev.quarry.plan.Planner;
import dev.quarry.spl.macro.MacroLibrary;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Runs several searches at once over the bundled samples (real and constructed events), with the dispatch index
 * and without it, and checks that the index changes no result.
 */
class OnePassRunTest {
    private static final CimCatalog CATALOG = CimCatalog.builtIn();

    private static final List<String> SEARCHES = List.of(
            // Keyed on process_name and original_file_name: an event with both must count once.
            "| tstats count from datamodel=Endpoint.Processes where (Processes.process_name=certutil.exe"
                    + " OR Processes.original_file_name=CertUtil.exe) by Processes.dest",
            // Keyed with a different case than the events have.
            "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=CERTUTIL.EXE"
                    + " by Processes.parent_process_name",
            // Not keyed: a wildcard.
            "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=*util*"
                    + " by Processes.process_name",
            // Keyed on the raw EventCode.
            "EventCode=4688 | stats count by NewProcessName",
            "EventCode IN (1, 4688) CommandLine=*urlcache* | stats count by EventCode",
            // Not keyed: a bare term.
            "certutil | stats count by EventCode");

    private static List<Event> samples() throws java.io.IOException {
        List<Event> events = new ArrayList<>();
        InputReader reader = new InputReader(new IngestListener() {
            @Override
            public void event(Event event) {
                events.add(event);
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
        return events;
    }

    private static List<CompiledDetection> compile() {
        DetectionCompiler compiler = new DetectionCompiler(new MacroLibrary(),
                new Planner(CATALOG, EvalContext.atWallClock()));
        List<CompiledDetection> compiled = new ArrayList<>();
        for (String search : SEARCHES) {
            CompiledDetection c = compiler.compile(new Detection("search", null, null, null, search, null, null,
                    null, List.of(), List.of(), List.of(), null, null, 0, null, List.of(), List.of(), List.of(),
                    List.of(), "(test)", 0));
            assertThat(c.runnable()).as(search).isTrue();
            compiled.add(c);
        }
        return compiled;
    }

    private static List<String> run(List<Event> events, boolean indexed) {
        return run(new OnePassRun(compile(), new Normalizer(CATALOG), indexed), events);
    }

    private static List<String> run(DetectionRun run, List<Event> events) {
        events.forEach(run::accept);
        List<String> out = new ArrayList<>();
        for (DetectionResult r : run.finish()) {
            assertThat(r.runtimeError()).isNull();
            out.add(r.rows().toString());
        }
        return out;
    }

    @Test
    void indexChangesNoResult() throws java.io.IOException {
        List<Event> events = samples();
        List<String> indexed = run(events, true);
        assertThat(indexed).isEqualTo(run(events, false));
        assertThat(indexed.get(0)).contains("count=");
        assertThat(indexed.get(3)).isNotEqualTo("[]");
    }

    @Test
    void detectionsSplitBetweenThreadsGiveTheSameResults() throws java.io.IOException {
        List<Event> events = samples();
        DetectionRun sharded = DetectionRun.of(compile(), new Normalizer(CATALOG), true, 3);
        assertThat(sharded).isInstanceOf(ShardedRun.class);
        assertThat(run(sharded, events)).isEqualTo(run(events, true));
        assertThat(sharded.dispatch()).isEqualTo(new OnePassRun.Dispatch(6, 4));
    }

    @Test
    void keyedPipelinesAreCounted() {
        OnePassRun run = new OnePassRun(compile(), new Normalizer(CATALOG), true);
        assertThat(run.dispatch()).isEqualTo(new OnePassRun.Dispatch(6, 4));
        assertThat(new OnePassRun(compile(), new Normalizer(CATALOG), false).dispatch().indexed()).isZero();
    }
}
