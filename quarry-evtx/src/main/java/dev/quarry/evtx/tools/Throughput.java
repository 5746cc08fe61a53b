package dev.quarry.evtx.tools;

import dev.quarry.evtx.EvtxFile;
import dev.quarry.evtx.EvtxOptions;
import dev.quarry.evtx.EvtxRecord;
import dev.quarry.evtx.EvtxSink;
import dev.quarry.evtx.EvtxStats;
import dev.quarry.evtx.XmlRenderer;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Measures decoding throughput over every {@code .evtx} file under a folder: on one thread and
 * on all processors, after warm-up passes, best of several runs; then times
 * {@code evtxexport -f xml} over the same files, one after another with output discarded.
 * The comparison uses only the files evtxexport exports to the end, because it stops at the
 * first record it cannot decode and so does less work on the others. evtxexport also writes
 * XML text, so one pass renders every event as indented XML too.
 *
 * <pre>
 * java -cp quarry-evtx.jar dev.quarry.evtx.tools.Throughput [DIR] [RUNS]
 * </pre>
 */
public final class Throughput {
    private static final double MB = 1_000_000.0;
    /** Passes before timing, so the JIT compiler has compiled the decoder. */
    private static final int WARM_UP_PASSES = 3;
    private static final long MIN_PASS_NANOS = 2_000_000_000L;
    /** Files larger than a header and one chunk, where parallel decoding can help. */
    private static final long MULTI_CHUNK_SIZE = 4096 + 65536;

    /** Totals of one timed pass. */
    private record Pass(long records, long bytes, long nanos) {
        double recordsPerSecond() {
            return records / (nanos / 1e9);
        }

        double megabytesPerSecond() {
            return bytes / MB / (nanos / 1e9);
        }
    }

    private Throughput() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Paths.get(args.length > 0 ? args[0] : "../shared/data/evtx");
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 5;
        if (!Files.isDirectory(dir)) {
            System.err.println("not a directory: " + dir + "; give the folder that contains the .evtx files");
            System.exit(2);
        }
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".evtx") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        int cores = Runtime.getRuntime().availableProcessors();
        System.out.printf("%d files, %.1f MB, %d processors, best of %d runs after %d warm-up passes%n",
                files.size(), totalBytes(files) / MB, cores, runs, WARM_UP_PASSES);

        System.out.println("evtxexport -f xml, sequential, output to /dev/null (records counted by quarry-evtx):");
        Map<Path, Long> exportNanos = timeEvtxexport(files);
        List<Path> exportedWhole = new ArrayList<>(exportNanos.keySet());
        List<Path> exportedMultiChunk = new ArrayList<>();
        for (Path file : exportedWhole) {
            if (Files.size(file) > MULTI_CHUNK_SIZE) {
                exportedMultiChunk.add(file);
            }
        }
        Pass libevtx = evtxexportPass(exportedWhole, exportNanos);
        Pass libevtxMulti = evtxexportPass(exportedMultiChunk, exportNanos);
        print("  evtxexport, the " + exportedWhole.size() + " files it exports whole", libevtx);
        print("  evtxexport, the " + exportedMultiChunk.size() + " of them of more than one chunk", libevtxMulti);

        for (int i = 0; i < WARM_UP_PASSES; i++) {
            decode(files, cores);
            decode(files, 1);
        }
        List<Path> multiChunk = new ArrayList<>();
        for (Path file : files) {
            if (Files.size(file) > MULTI_CHUNK_SIZE) {
                multiChunk.add(file);
            }
        }
        Pass single = best(files, 1, runs);
        Pass parallel = best(files, cores, runs);
        Pass singleMulti = best(multiChunk, 1, runs);
        Pass parallelMulti = best(multiChunk, cores, runs);
        Pass singleOnExported = best(exportedWhole, 1, runs);
        Pass singleOnExportedMulti = best(exportedMultiChunk, 1, runs);
        Pass renderedOnExported = best(exportedWhole, 1, runs, true);
        System.out.println("quarry-evtx:");
        print("  1 thread, all files", single);
        print("  " + cores + " threads, all files", parallel);
        print("  1 thread, the " + multiChunk.size() + " files of more than one chunk", singleMulti);
        print("  " + cores + " threads, the " + multiChunk.size() + " files of more than one chunk", parallelMulti);
        print("  1 thread, the files evtxexport exports whole", singleOnExported);
        print("  1 thread, the files evtxexport exports whole, more than one chunk", singleOnExportedMulti);
        print("  1 thread, the files evtxexport exports whole, rendered as XML", renderedOnExported);
        System.out.printf("ratio to evtxexport on the same files, 1 thread: %.1fx records/s (all it exports whole),"
                + " %.1fx records/s (those of more than one chunk)%n",
                singleOnExported.recordsPerSecond() / libevtx.recordsPerSecond(),
                singleOnExportedMulti.recordsPerSecond() / libevtxMulti.recordsPerSecond());
        System.out.printf("ratio with XML rendering, 1 thread: %.1fx records/s%n",
                renderedOnExported.recordsPerSecond() / libevtx.recordsPerSecond());
    }

    /**
     * Returns the fastest of several timed passes. Each pass reads the file list as many times
     * as it takes to run for at least {@link #MIN_PASS_NANOS}, so timer and GC noise stay small.
     */
    private static Pass best(List<Path> files, int threads, int runs) throws IOException {
        return best(files, threads, runs, false);
    }

    private static Pass best(List<Path> files, int threads, int runs, boolean render) throws IOException {
        long onceNanos = Math.min(decode(files, threads, render).nanos(), decode(files, threads, render).nanos());
        int repeats = (int) Math.max(1, Math.ceil((double) MIN_PASS_NANOS / Math.max(1, onceNanos)));
        List<Path> repeated = new ArrayList<>();
        for (int i = 0; i < repeats; i++) {
            repeated.addAll(files);
        }
        Pass best = null;
        for (int i = 0; i < runs; i++) {
            Pass pass = decode(repeated, threads, render);
            if (best == null || pass.nanos() < best.nanos()) {
                best = pass;
            }
        }
        return best;
    }

    private static Pass decode(List<Path> files, int threads) throws IOException {
        return decode(files, threads, false);
    }

    /** Reads the files once; with {@code render}, also writes each event as indented XML text. */
    private static Pass decode(List<Path> files, int threads, boolean render) throws IOException {
        EvtxOptions options = EvtxOptions.withThreads(threads);
        long[] checksum = new long[1];
        StringBuilder xml = new StringBuilder(1 << 16);
        EvtxSink sink = new EvtxSink() {
            @Override
            public void record(EvtxRecord record) {
                // Touch the tree so the work cannot be skipped as unused.
                checksum[0] += record.event().children().size();
                if (render) {
                    xml.setLength(0);
                    XmlRenderer.write(record.event(), XmlRenderer.Layout.INDENTED, xml);
                    checksum[0] += xml.length();
                }
            }
        };
        long records = 0;
        long bytes = 0;
        long start = System.nanoTime();
        for (Path file : files) {
            try (EvtxFile evtx = EvtxFile.open(file)) {
                EvtxStats stats = evtx.read(sink, options);
                records += stats.recordsRead();
                bytes += evtx.size();
            }
        }
        long nanos = System.nanoTime() - start;
        if (checksum[0] < 0) {
            System.out.println(checksum[0]);
        }
        return new Pass(records, bytes, nanos);
    }

    /** Returns evtxexport's time for a set of files, with the records quarry-evtx reads from them. */
    private static Pass evtxexportPass(List<Path> files, Map<Path, Long> nanos) throws IOException {
        Pass ours = decode(files, 1);
        long total = 0;
        for (Path file : files) {
            total += nanos.get(file);
        }
        return new Pass(ours.records(), ours.bytes(), total);
    }

    /**
     * Runs evtxexport on each file, one after another, and returns the wall time of each run
     * that exported its file without error. Each time includes starting the process.
     */
    private static Map<Path, Long> timeEvtxexport(List<Path> files) throws IOException, InterruptedException {
        Map<Path, Long> times = new LinkedHashMap<>();
        for (Path file : files) {
            long start = System.nanoTime();
            Process process = new ProcessBuilder("evtxexport", "-f", "xml", file.toString())
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                    .redirectError(ProcessBuilder.Redirect.DISCARD)
                    .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                    .start();
            if (!process.waitFor(120, TimeUnit.SECONDS)) {
                process.destroyForcibly();
                process.waitFor();
                continue;
            }
            long nanos = System.nanoTime() - start;
            if (process.exitValue() == 0) {
                times.put(file, nanos);
            }
        }
        return times;
    }

    private static long totalBytes(List<Path> files) throws IOException {
        long bytes = 0;
        for (Path file : files) {
            bytes += Files.size(file);
        }
        return bytes;
    }

    private static void print(String label, Pass pass) {
        System.out.printf("%-52s %8d records %8.1f MB %8.3f s %10.0f records/s %7.1f MB/s%n", label,
                pass.records(), pass.bytes() / MB, pass.nanos() / 1e9, pass.recordsPerSecond(),
                pass.megabytesPerSecond());
    }
}
