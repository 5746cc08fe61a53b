package dev.quarry.exec.op;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.RawEventView;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.agg.AggregatorFactory;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.ingest.ReadProblem;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryMXBean;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Measures the heap that a kept row and a statistics group take, the figures behind {@link Limits#DEFAULT} and in
 * {@code docs/benchmarks.md}. Run it by hand, not as a test, after
 * {@code mvn -B -q -pl quarry-core,quarry-cli -am package -DskipTests}:
 *
 * <pre>
 * java -Xmx3g -cp quarry-cli/target/quarry.jar:quarry-core/target/test-classes dev.quarry.exec.op.HeldStateSize \
 *     [PATH]
 * </pre>
 *
 * <p>It fills a {@link HeldRows} with rows of ten short fields, six text values and four numbers, every text a new
 * string as parsed events give them, and a {@link GroupedAggregation} of {@code count min(_time) max(_time)} by nine
 * text fields with distinct values. Given a file or folder of event logs as its argument, it also keeps the row of
 * every event there as a raw-event search makes it, {@code _raw} included. It reports the used heap after a full
 * collection, before and after, divided by the count. The figures depend on the JVM. Compressed references, which
 * the JVM uses below 32 GiB of heap, make them smaller than without.
 */
public final class HeldStateSize {
    private static final int COUNT = 200_000;

    private HeldStateSize() {
    }

    public static void main(String[] args) throws IOException {
        System.out.printf(Locale.ROOT, "%s %s, max heap %d MiB%n", System.getProperty("java.vm.name"),
                System.getProperty("java.runtime.version"), Runtime.getRuntime().maxMemory() >> 20);

        long before = usedAfterGc();
        HeldRows rows = new HeldRows("measurement", "in memory", COUNT);
        for (int i = 0; i < COUNT; i++) {
            rows.add(row(i));
        }
        long afterRows = usedAfterGc();
        report("row of ten short fields", afterRows - before, rows.size());

        GroupedAggregation groups = processGroups();
        for (int i = 0; i < COUNT; i++) {
            groups.add(record(i));
        }
        long afterGroups = usedAfterGc();
        report("group of count min max by nine fields", afterGroups - afterRows, groups.groupCount());

        HeldRows events = new HeldRows("measurement", "in memory", Integer.MAX_VALUE);
        if (args.length > 0) {
            readEvents(Path.of(args[0]), events);
            long afterEvents = usedAfterGc();
            report("raw event row of " + args[0], afterEvents - afterGroups, events.size());
        }

        // Keeps every measured object reachable until the last measurement.
        System.out.println(rows.size() + groups.groupCount() + events.size() > 0 ? "done" : "");
    }

    private static void readEvents(Path path, HeldRows into) throws IOException {
        RawEventView.SearchTimeFields fields = RawEventView.SearchTimeFields.of(CimCatalog.builtIn());
        InputReader reader = new InputReader(new IngestListener() {
            @Override
            public void event(Event event) {
                into.add(new RawEventView(event, fields).toRow());
            }

            @Override
            public void problem(ReadProblem problem) {
                System.err.println(problem);
            }
        });
        for (Path file : InputReader.expand(List.of(path))) {
            reader.readFile(file);
        }
        reader.finish();
    }

    private static Row row(int i) {
        Row r = new Row();
        r.put("dest", Value.str(String.format(Locale.ROOT, "WS-%06d", i)));
        r.put("user", Value.str(String.format(Locale.ROOT, "user%06d", i)));
        r.put("parent_process_name", Value.str(new String("explorer.exe")));
        r.put("process_name", Value.str(String.format(Locale.ROOT, "tool%06d.exe", i)));
        r.put("original_file_name", Value.str(String.format(Locale.ROOT, "Tool%06d.exe", i)));
        r.put("process", Value.str(String.format(Locale.ROOT, "tool%06d.exe /c whoami", i)));
        r.put("process_id", Value.num(4000 + i));
        r.put("parent_process_id", Value.num(1000 + i));
        r.put("count", Value.num(1));
        r.put("firstTime", Value.num(1_714_564_800 + i));
        return r;
    }

    /** Returns a process record with nine group-by fields, each value distinct to the record. */
    private static Row record(int i) {
        Row r = row(i);
        r.put("parent_process", Value.str(String.format(Locale.ROOT, "C:\\Windows\\explorer%06d.exe", i)));
        r.put("_time", Value.num(1_714_564_800 + i));
        return r;
    }

    private static GroupedAggregation processGroups() {
        List<GroupedAggregation.GroupField> by = new ArrayList<>();
        for (String f : List.of("dest", "user", "parent_process_name", "parent_process", "process_name",
                "original_file_name", "process", "process_id", "parent_process_id")) {
            by.add(new GroupedAggregation.GroupField("Processes." + f, f, 0));
        }
        List<GroupedAggregation.Function> functions = List.of(
                new GroupedAggregation.Function("count", GroupedAggregation.ArgumentReader.NONE,
                        AggregatorFactory.forName("count", false)),
                new GroupedAggregation.Function("firstTime", GroupedAggregation.ArgumentReader.field("_time"),
                        AggregatorFactory.forName("min", true)),
                new GroupedAggregation.Function("lastTime", GroupedAggregation.ArgumentReader.field("_time"),
                        AggregatorFactory.forName("max", true)));
        return new GroupedAggregation("tstats", by, functions, null, COUNT);
    }

    private static long usedAfterGc() {
        MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return memory.getHeapMemoryUsage().getUsed();
    }

    private static void report(String label, long bytes, long count) {
        double bytesEach = (double) bytes / count;
        System.out.printf(Locale.ROOT, "%-40s %,8.0f bytes each (%,d kept, %,d MiB)%n", label, bytesEach, count,
                bytes >> 20);
    }
}
