package dev.quarry.cli;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.Timestamps;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quarry events}: prints the events Quarry reads from any input, or their CIM records. */
@Command(name = "events", mixinStandardHelpOptions = true,
        description = {"Prints the events Quarry reads from files and folders, one per line, or the records they"
            + " make in a CIM dataset, so you can see what detections will see.",
            "Exit codes: 0 when every input was read in full, 1 when some input was skipped, 2 bad arguments."})
final class EventsCommand implements Callable<Integer> {
    private static final ObjectMapper JSON = new ObjectMapper();

    enum Format { jsonl, xml }

    @Spec
    CommandSpec spec;

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "jsonl",
            description = "jsonl (one JSON object per event: its time, source, sourcetype and fields) or xml (each"
                    + " event's raw text when it is XML, as EVTX and XML inputs have it). Default: ${DEFAULT-VALUE}.")
    Format format;

    @Option(names = "--datamodel", paramLabel = "DATASET",
            description = "Print the records of this CIM dataset instead, such as Endpoint.Processes.")
    String datamodel;

    @Option(names = "--mappings", paramLabel = "DIR", description = "Extra CIM dataset and mapping YAML files.")
    List<Path> mappings = new ArrayList<>();

    @Option(names = "--limit", paramLabel = "N", description = "Stop after N events or records (0: no limit).")
    long limit;

    @Parameters(paramLabel = "PATH", arity = "1..*", description = "Files and folders to read.")
    List<Path> paths = new ArrayList<>();

    private long printed;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException("input not found: " + p);
            }
        }
        ContentOptions options = new ContentOptions();
        options.mappings = mappings;
        CimCatalog catalog = options.catalog();
        if (datamodel != null && catalog.dataset(datamodel).isEmpty()) {
            throw new UsageException("unknown dataset " + datamodel + "; known: " + String.join(", ",
                    catalog.datasets().stream().map(d -> d.key()).sorted().toList()));
        }
        if (datamodel != null && format == Format.xml) {
            throw new UsageException("--format xml prints raw events; CIM records print as jsonl");
        }
        Normalizer normalizer = new Normalizer(catalog);
        IngestStats stats = new IngestStats(e -> print(e, normalizer, out), err, false);
        InputReader reader = new InputReader(stats, Inputs.evtx());
        List<Path> files = InputReader.expand(paths);
        int read = 0;
        for (Path f : files) {
            if (limit > 0 && printed >= limit) {
                break;
            }
            reader.readFile(f);
            read++;
        }
        out.flush();
        err.printf("%,d %s printed from %,d events in %,d of %,d files%s%n", printed,
                datamodel == null ? "events" : datamodel + " records", stats.eventCount(), read, files.size(),
                stats.problemCount() > 0 ? "; skipped: " + Summary.join(stats.problemsByReason()) : "");
        if (format == Format.xml && printed < stats.eventCount() && (limit == 0 || printed < limit)) {
            err.println("note: events read from JSON have no XML text to print; --format jsonl prints every event");
        }
        return stats.problemCount() > 0 ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    private void print(Event e, Normalizer normalizer, PrintWriter out) {
        if (limit > 0 && printed >= limit) {
            return;
        }
        if (datamodel != null) {
            for (Row record : normalizer.records(e, datamodel)) {
                out.println(json(record.asMap(), e));
                printed++;
            }
            return;
        }
        if (format == Format.xml) {
            String raw = e.raw();
            if (raw != null && raw.startsWith("<")) {
                out.println(raw.replace("\r", "").replace("\n", " "));
                printed++;
            }
            return;
        }
        Row row = new Row();
        e.forEachField((name, values) -> row.put(name, Value.ofStrings(values)));
        out.println(json(row.asMap(), e));
        printed++;
    }

    private static String json(Map<String, Value> fields, Event e) {
        StringWriter sw = new StringWriter();
        try (JsonGenerator g = JSON.getFactory().createGenerator(sw)) {
            g.writeStartObject();
            g.writeStringField("_time", Timestamps.formatMicros(e.timeMicros()));
            g.writeStringField("source", e.source());
            g.writeStringField("sourcetype", e.sourceType());
            g.writeStringField("origin", e.origin().toString());
            for (Map.Entry<String, Value> f : fields.entrySet()) {
                if (f.getKey().equals("_time") || f.getKey().equals("source") || f.getKey().equals("sourcetype")) {
                    continue;
                }
                g.writeFieldName(f.getKey());
                FindingWriter.writeValue(g, f.getValue());
            }
            g.writeEndObject();
        } catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        return sw.toString();
    }
}
