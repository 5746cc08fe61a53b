package dev.quarry.cli;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.ingest.InputReader;
import dev.quarry.plan.Planner;
import dev.quarry.run.DetectionResult;
import dev.quarry.prefilter.Prefilter;
import dev.quarry.run.OnePassRun;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code quarry search}: runs one SPL search over files and folders and prints its result rows. */
@Command(name = "search", mixinStandardHelpOptions = true,
        description = {"Runs an SPL search (a raw-event search, tstats over a CIM dataset, or a generating command)"
            + " over event logs and prints the result rows. Macros come from the content folders.",
            "Exit codes: 0 complete run, 1 some input skipped or the search failed while running (for example"
                + " over a memory limit), 2 bad arguments or a search that cannot run, 3 internal error."})
final class SearchCommand implements Callable<Integer> {
    /** Widest cell printed in table format; longer values are cut with an ellipsis. */
    static final int MAX_CELL = 80;

    @Spec
    CommandSpec spec;

    @Mixin
    ContentOptions content = new ContentOptions();

    @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "table",
            description = "Result format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
    OutputFormat format;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results to FILE instead of stdout.")
    Path output;

    @Option(names = {"-q", "--quiet"}, description = "Print no progress and no summary on stderr.")
    boolean quiet;

    @Parameters(index = "0", paramLabel = "SPL", description = "The search, in quotes.")
    String query;

    @Parameters(index = "1..*", arity = "1..*", paramLabel = "PATH", description = "Files and folders to read.")
    List<Path> paths = new ArrayList<>();

    @Override
    public Integer call() throws IOException {
        OutputFiles.checkWritable(output, "--output");
        PrintWriter err = spec.commandLine().getErr();
        for (Path p : paths) {
            if (!Files.exists(p)) {
                throw new UsageException("input not found: " + p);
            }
        }
        CimCatalog catalog = content.catalog();
        ContentPack pack = content.load(err);
        Detection adHoc = AdHocDetection.of(query);
        CompiledDetection compiled = new DetectionCompiler(pack.macros(),
                new Planner(catalog, content.evalContext(), pack.lookups())).compile(adHoc);
        if (!compiled.runnable()) {
            throw new UsageException(compiled.failure().message().replaceFirst("^detection 'search': ", "search: "));
        }
        OnePassRun run = new OnePassRun(List.of(compiled), new Normalizer(catalog));
        IngestStats stats = new IngestStats(run::accept, err, !quiet);
        List<Path> files = InputReader.expand(paths);
        InputReader reader = Inputs.reader(stats, Prefilter.of(List.of(compiled), catalog), Inputs.defaultThreads());
        for (Path f : files) {
            reader.readFile(f);
        }
        reader.finish();
        DetectionResult result = run.finish().get(0);
        if (result.runtimeError() != null) {
            err.println("quarry: the search " + result.runtimeError());
            return ExitCodes.INCOMPLETE;
        }
        if (output != null) {
            try (PrintWriter out = new PrintWriter(new OutputStreamWriter(Files.newOutputStream(output),
                    StandardCharsets.UTF_8))) {
                write(result.rows(), out);
            }
        } else {
            write(result.rows(), spec.commandLine().getOut());
        }
        if (!quiet) {
            err.printf("%,d rows from %,d events in %,d files (%.1f s)%s%n", result.rows().size(), stats.eventCount(),
                    files.size(), stats.elapsedSeconds(), stats.problemCount() > 0
                            ? "; skipped: " + Summary.join(stats.problemsByReason()) : "");
        }
        return stats.problemCount() > 0 || !pack.problems().isEmpty() ? ExitCodes.INCOMPLETE : ExitCodes.OK;
    }

    private void write(List<Row> rows, PrintWriter out) {
        switch (format) {
            case jsonl -> {
                for (Row row : rows) {
                    out.println(RowJson.json(row));
                }
            }
            case csv -> {
                List<String> columns = columns(rows);
                out.println(FindingWriter.csvLine(columns));
                for (Row row : rows) {
                    List<String> cells = new ArrayList<>();
                    for (String c : columns) {
                        Value v = row.get(c);
                        cells.add(v == null ? "" : TimeDisplay.shown(c, v).text());
                    }
                    out.println(FindingWriter.csvLine(cells));
                }
            }
            case table -> table(rows, out);
        }
        out.flush();
    }

    static List<String> columns(List<Row> rows) {
        List<Set<String>> names = new ArrayList<>(rows.size());
        for (Row row : rows) {
            names.add(row.names());
        }
        return ColumnOrder.of(names);
    }

    /** Prints rows as an aligned text table, multivalue cells joined by " | ". */
    static void table(List<Row> rows, PrintWriter out) {
        if (rows.isEmpty()) {
            out.println("No results.");
            return;
        }
        List<String> columns = columns(rows);
        int[] widths = new int[columns.size()];
        List<String[]> cells = new ArrayList<>();
        for (int i = 0; i < columns.size(); i++) {
            widths[i] = columns.get(i).length();
        }
        for (Row row : rows) {
            String[] line = new String[columns.size()];
            for (int i = 0; i < columns.size(); i++) {
                Value v = row.get(columns.get(i));
                String text = v == null ? "" : TimeDisplay.shown(columns.get(i), v).text().replace("\n", " | ").replace("\r", "");
                if (text.length() > MAX_CELL) {
                    text = text.substring(0, MAX_CELL - 3) + "...";
                }
                line[i] = text;
                widths[i] = Math.max(widths[i], text.length());
            }
            cells.add(line);
        }
        StringWriter header = new StringWriter();
        for (int i = 0; i < columns.size(); i++) {
            header.append(pad(columns.get(i), widths[i], i == columns.size() - 1));
        }
        out.println(header.toString().stripTrailing());
        StringWriter rule = new StringWriter();
        for (int i = 0; i < columns.size(); i++) {
            rule.append("-".repeat(widths[i])).append(i == columns.size() - 1 ? "" : "  ");
        }
        out.println(rule);
        for (String[] line : cells) {
            StringWriter sw = new StringWriter();
            for (int i = 0; i < line.length; i++) {
                sw.append(pad(line[i], widths[i], i == line.length - 1));
            }
            out.println(sw.toString().stripTrailing());
        }
    }

    private static String pad(String s, int width, boolean last) {
        return last ? s : s + " ".repeat(width - s.length() + 2);
    }
}
