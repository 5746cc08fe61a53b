package dev.quarry.bench.jmh;

import dev.quarry.ingest.Event;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.ReadProblem;
import java.io.ByteArrayInputStream;
import java.io.IOException;
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
 * {@link InputReader} over in-memory copies of real files: a Security-Datasets JSON lines file and Windows
 * event XML, one event per line. One operation reads the whole file; the score is the time per file, and
 * {@code bench/jmh.sh} prints the event count to turn it into events per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
public class ReaderBenchmark {
    /** A JSON lines file of Windows events. */
    @Param("")
    public String jsonFile;

    /** An event XML file, one {@code <Event>} per line. */
    @Param("")
    public String xmlFile;

    private byte[] json;
    private byte[] xml;

    @Setup
    public void load() throws IOException {
        json = BenchInputs.bytes("jsonFile", jsonFile);
        xml = BenchInputs.bytes("xmlFile", xmlFile);
        System.out.printf("%nJSON lines: %d events, %d bytes; XML: %d events, %d bytes%n",
                BenchInputs.events("bench.json", json).size(), json.length,
                BenchInputs.events("bench.xml", xml).size(), xml.length);
    }

    @Benchmark
    public long readJsonLines(Blackhole sink) {
        return read("bench.json", json, sink);
    }

    @Benchmark
    public long readXml(Blackhole sink) {
        return read("bench.xml", xml, sink);
    }

    private static long read(String name, byte[] bytes, Blackhole sink) {
        long[] count = {0};
        new InputReader(new IngestListener() {
            @Override
            public void event(Event event) {
                count[0]++;
                sink.consume(event);
            }

            @Override
            public void problem(ReadProblem problem) {
                sink.consume(problem);
            }
        }).readStream(name, new ByteArrayInputStream(bytes));
        return count[0];
    }
}
