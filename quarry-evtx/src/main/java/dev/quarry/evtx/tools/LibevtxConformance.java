package dev.quarry.evtx.tools;

import dev.quarry.evtx.EvtxFile;
import dev.quarry.evtx.EvtxFormatException;
import dev.quarry.evtx.EvtxOptions;
import dev.quarry.evtx.EvtxRecord;
import dev.quarry.evtx.EvtxSink;
import dev.quarry.evtx.EvtxStats;
import dev.quarry.evtx.EvtxWarning;
import dev.quarry.evtx.binxml.LittleEndian;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Checks our reader against libevtx. For every {@code .evtx} file under a folder it compares
 * record counts with an expected-counts TSV (when the file is listed) and every field of
 * every record with what {@code evtxexport -f xml} prints, then prints a summary per file and
 * totals. Exits with 1 when a count differs from the TSV or a disagreement has no known
 * reason, 2 on invalid arguments.
 *
 * <pre>
 * java -cp quarry-evtx.jar dev.quarry.evtx.tools.LibevtxConformance DIR [EXPECTED_COUNTS_TSV]
 * </pre>
 */
public final class LibevtxConformance {
    private static final Duration EXPORT_TIMEOUT = Duration.ofSeconds(120);

    private final PrintStream out;
    private final ExpectedCounts expected;
    private final LibevtxExport libevtx;
    private final Map<String, RecordComparison.Kind> totalKinds = new TreeMap<>();
    private EvtxStats totalStats = new EvtxStats(0, 0, 0, 0);
    private long totalMatched;
    private long totalIdentical;
    private long totalLibevtxEvents;
    private int countsChecked;
    private int countMismatches;
    private long unexplained;

    private LibevtxConformance(PrintStream out, ExpectedCounts expected, LibevtxExport libevtx) {
        this.out = out;
        this.expected = expected;
        this.libevtx = libevtx;
    }

    public static void main(String[] args) throws Exception {
        System.exit(run(args, System.out, System.err));
    }

    static int run(String[] args, PrintStream out, PrintStream err) throws IOException, InterruptedException {
        if (args.length < 1 || args.length > 2) {
            err.println("usage: LibevtxConformance DIR [EXPECTED_COUNTS_TSV]");
            err.println("  DIR                  folder searched recursively for .evtx files");
            err.println("  EXPECTED_COUNTS_TSV  expected record counts: path (relative to the TSV's folder),"
                    + " records read, records in error, source");
            return 2;
        }
        Path dir = Paths.get(args[0]);
        if (!Files.isDirectory(dir)) {
            err.println("not a directory: " + dir + "; give the folder that contains the .evtx files");
            return 2;
        }
        ExpectedCounts expected = args.length == 2 ? ExpectedCounts.read(Paths.get(args[1])) : ExpectedCounts.none();
        try {
            new ProcessBuilder("evtxexport", "-V").redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).start().waitFor();
        } catch (IOException e) {
            err.println("evtxexport not found (" + e.getMessage() + "); install it with: apt-get install libevtx-utils");
            return 2;
        }
        LibevtxExport libevtx = new LibevtxExport("evtxexport", EXPORT_TIMEOUT);
        return new LibevtxConformance(out, expected, libevtx).check(dir);
    }

    private int check(Path dir) throws IOException, InterruptedException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.getFileName().toString().endsWith(".evtx") && Files.isRegularFile(p))
                    .sorted()
                    .toList();
        }
        out.println("file\tread\tskipped\tchunks skipped\tTSV\tevtxexport events\tmatched\tidentical\tdisagreements");
        for (Path file : files) {
            checkFile(dir, file);
        }
        printTotals(files.size());
        return countMismatches == 0 && unexplained == 0 ? 0 : 1;
    }

    private void checkFile(Path dir, Path file) throws IOException, InterruptedException {
        List<EvtxRecord> records = new ArrayList<>();
        EvtxStats stats;
        try (EvtxFile evtx = EvtxFile.open(file)) {
            stats = evtx.read(new EvtxSink() {
                @Override
                public void record(EvtxRecord record) {
                    records.add(record);
                }

                @Override
                public void warning(EvtxWarning warning) {
                    // Counted in the stats; the comparison needs only the records.
                }
            }, EvtxOptions.defaults());
        } catch (EvtxFormatException e) {
            out.println(dir.relativize(file) + "\tunreadable file header: " + e.getMessage());
            unexplained++;
            return;
        }
        totalStats = totalStats.plus(stats);

        String countCheck = checkCounts(file, stats);
        LibevtxExport.Result result = libevtx.export(file);
        totalLibevtxEvents += result.events().size();

        RecordComparison comparison = new RecordComparison();
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.READ)) {
            comparison.compare(records, result.events(), offset -> sizeCopyDisagrees(channel, offset), result);
        }
        totalMatched += comparison.matched;
        totalIdentical += comparison.identical;
        unexplained += comparison.unexplained();

        StringBuilder kinds = new StringBuilder();
        for (RecordComparison.Kind kind : comparison.kinds.values()) {
            kinds.append(kinds.length() == 0 ? "" : "; ").append(kind.count).append(' ')
                    .append(kind.explained ? "explained" : "UNEXPLAINED");
            RecordComparison.Kind total = totalKinds.computeIfAbsent(kind.description,
                    d -> new RecordComparison.Kind(d, kind.explained));
            total.count += kind.count;
            for (String sample : kind.samples) {
                if (total.samples.size() < 5) {
                    total.samples.add(dir.relativize(file).getFileName() + ": " + sample);
                }
            }
        }
        out.println(dir.relativize(file) + "\t" + stats.recordsRead() + "\t" + stats.recordsSkipped() + "\t"
                + stats.chunksSkipped() + "\t" + countCheck + "\t" + result.events().size()
                + (result.aborted() ? " (exit " + result.exitCode() + ")" : "") + "\t" + comparison.matched
                + "\t" + comparison.identical + "\t" + (kinds.length() == 0 ? "none" : kinds));
        for (RecordComparison.Kind kind : comparison.kinds.values()) {
            if (!kind.explained) {
                out.println("    " + kind.count + " UNEXPLAINED: " + kind.description);
                kind.samples.forEach(sample -> out.println("        e.g. " + sample));
            }
        }
    }

    /**
     * Compares counts with the TSV. Its error figure counts what the Rust evtx crate reports as
     * errors: one per damaged record and one per unreadable chunk. When the error figure is not
     * given, the record figure counts every item that crate iterated, errors included.
     */
    private String checkCounts(Path file, EvtxStats stats) {
        ExpectedCounts.Expected figures = expected.forFile(file);
        if (figures == null) {
            return "-";
        }
        countsChecked++;
        long errors = stats.recordsSkipped() + stats.chunksSkipped();
        boolean ok;
        String want;
        if (figures.errors().isPresent()) {
            ok = stats.recordsRead() == figures.records() && errors == figures.errors().getAsLong();
            want = figures.records() + " read, " + figures.errors().getAsLong() + " in error";
        } else {
            ok = stats.recordsRead() + errors == figures.records();
            want = figures.records() + " iterated";
        }
        if (ok) {
            return "OK";
        }
        countMismatches++;
        return "MISMATCH (expected " + want + ")";
    }

    /** Tells whether the record at a file offset has a trailing size copy unlike its size. */
    private static boolean sizeCopyDisagrees(FileChannel channel, long recordOffset) {
        try {
            ByteBuffer header = ByteBuffer.allocate(8);
            channel.read(header, recordOffset);
            long size = LittleEndian.u32(header.array(), 4);
            ByteBuffer copy = ByteBuffer.allocate(4);
            channel.read(copy, recordOffset + size - 4);
            return LittleEndian.u32(copy.array(), 0) != size;
        } catch (IOException e) {
            return false;
        }
    }

    private void printTotals(int fileCount) {
        out.println();
        out.println("Totals over " + fileCount + " files:");
        out.println("  records read " + totalStats.recordsRead() + ", records skipped " + totalStats.recordsSkipped()
                + ", chunks skipped " + totalStats.chunksSkipped());
        out.println("  expected counts: " + (countsChecked - countMismatches) + " of " + countsChecked
                + " files listed in the TSV agree");
        out.println("  evtxexport events " + totalLibevtxEvents + ", matched by EventRecordID " + totalMatched
                + ", identical in every field " + totalIdentical);
        out.println("  disagreements by kind:");
        if (totalKinds.isEmpty()) {
            out.println("    none");
        }
        for (RecordComparison.Kind kind : totalKinds.values()) {
            out.println("    " + kind.count + (kind.explained ? " explained: " : " UNEXPLAINED: ") + kind.description);
            for (String sample : kind.samples) {
                out.println("        e.g. " + sample);
            }
        }
        out.println(countMismatches == 0 && unexplained == 0 ? "RESULT: conformance check passed"
                : "RESULT: conformance check failed (" + countMismatches + " count mismatches, "
                        + unexplained + " unexplained disagreements)");
    }
}
