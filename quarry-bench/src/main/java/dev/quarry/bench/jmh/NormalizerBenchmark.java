package dev.quarry.bench.jmh;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.ingest.Event;
import java.io.IOException;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.infra.Blackhole;

/**
 * {@link Normalizer} with Quarry's built-in CIM mappings over events read beforehand. {@code all} offers every
 * event of {@code jsonFile}, a recording as it is, so it mostly measures the mappings' {@code when} filters, as
 * a hunt does; {@code process} offers the events of {@code recordsFile} that become Endpoint.Processes records
 * (Sysmon EventID 1 and Security 4688), so it measures building records. One operation normalizes every
 * offered event once.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class NormalizerBenchmark {
    /** A JSON lines recording as it is. */
    @Param("")
    public String jsonFile;

    /** JSON lines of process-creation events. */
    @Param("")
    public String recordsFile;

    @Param({"all", "process"})
    public String events;

    private CimCatalog catalog;
    private List<Event> selected;

    @Setup
    public void load() throws IOException {
        catalog = CimCatalog.builtIn();
        if (events.equals("process")) {
            List<Event> candidates = BenchInputs.events("process.json", BenchInputs.bytes("recordsFile",
                    recordsFile));
            Normalizer probe = new Normalizer(catalog);
            selected = candidates.stream().filter(e -> !probe.records(e, "Endpoint.Processes").isEmpty()).toList();
        } else {
            selected = BenchInputs.events("bench.json", BenchInputs.bytes("jsonFile", jsonFile));
        }
        System.out.printf("%n%d events offered per operation%n", selected.size());
    }

    @Benchmark
    public void normalize(Blackhole sink) {
        // A new normalizer per operation, so the earlier-process memory starts empty each time, as in a run.
        Normalizer normalizer = new Normalizer(catalog);
        for (Event e : selected) {
            normalizer.normalize(e, (dataset, record, event) -> sink.consume(record));
        }
    }
}
