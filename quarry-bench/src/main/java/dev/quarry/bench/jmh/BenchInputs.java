package dev.quarry.bench.jmh;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.exec.Row;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Loads benchmark inputs from files into memory, once per trial, so no benchmark measures disk reads. */
final class BenchInputs {
    private BenchInputs() {
    }

    /** Returns the bytes of a file named by a benchmark parameter, which must be set. */
    static byte[] bytes(String parameter, String file) throws IOException {
        if (file == null || file.isBlank()) {
            throw new IllegalArgumentException("benchmark parameter '" + parameter + "' is not set; pass -p "
                    + parameter + "=FILE (bench/jmh.sh sets it)");
        }
        return Files.readAllBytes(Path.of(file));
    }

    /** Reads every event of an in-memory input; fails on any read problem, since the inputs are known-good. */
    static List<Event> events(String name, byte[] bytes) {
        List<Event> events = new ArrayList<>();
        new InputReader(new IngestListener() {
            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void problem(ReadProblem problem) {
                // Events without a time are skipped by every run alike; they are not an input error here.
            }
        }).readStream(name, new ByteArrayInputStream(bytes));
        if (events.isEmpty()) {
            throw new IllegalStateException(name + ": no events read; expected JSON lines or event XML");
        }
        return events;
    }

    /** Returns the Endpoint.Processes records Quarry's built-in mappings make from the events. */
    static List<Row> processRecords(List<Event> events) {
        Normalizer normalizer = new Normalizer(CimCatalog.builtIn());
        List<Row> records = new ArrayList<>();
        for (Event e : events) {
            normalizer.normalize(e, (dataset, record, event) -> {
                if (dataset.key().equals("Endpoint.Processes")) {
                    records.add(record);
                }
            });
        }
        if (records.isEmpty()) {
            throw new IllegalStateException("no Endpoint.Processes records in the input; expected Sysmon EventID 1"
                    + " or Security 4688 events");
        }
        return records;
    }
}
