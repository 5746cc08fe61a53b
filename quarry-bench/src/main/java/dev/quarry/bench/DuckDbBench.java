package dev.quarry.bench;

import dev.quarry.bench.ProcessesDetections.Translated;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs Quarry's two benchmark workloads as SQL in embedded DuckDB over the same JSON lines, times them, and
 * checks DuckDB's rows against the rows of the Quarry runs being compared.
 *
 * <p>Workload (a) is the seed detection (Quarry's own content pack) as one query over the {@code processes} view,
 * which reads the JSON files. Workload (b) is every translated Endpoint.Processes detection of the ESCU library,
 * each its own query. Each run of (b) reads the JSON once into a table of normalized records and then runs the
 * queries against that table, so it reads the input once per run, as one Quarry run does. Both are also timed with the records
 * already loaded in a DuckDB table, which leaves out reading and normalizing the JSON.
 *
 * <p>Usage: {@code DuckDbBench DATA_DIR SEED_CONTENT ESCU_CONTENT QUARRY_SEED_JSONL QUARRY_ALL_JSONL RUNS OUT_DIR}.
 * The report goes to stdout; {@code OUT_DIR} receives the SQL of every query ({@code duckdb-queries.sql}) and
 * the per-detection comparison ({@code duckdb-comparison.tsv}).
 */
public final class DuckDbBench {
    private static final String VIEW = "processes";
    private static final String TABLE = "processes_loaded";

    private final Connection connection;
    private final PrintStream out;

    private DuckDbBench(Connection connection, PrintStream out) {
        this.connection = connection;
        this.out = out;
    }

    /** The rows of one query and the time it took. */
    private record QueryResult(List<Map<String, String>> rows, double seconds) {
    }

    /** Wall-clock and process CPU seconds of one timed run of a workload. */
    private record Timing(double wallSeconds, double cpuSeconds) {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 7) {
            System.err.println("usage: DuckDbBench DATA_DIR SEED_CONTENT ESCU_CONTENT QUARRY_SEED_JSONL "
                    + "QUARRY_ALL_JSONL RUNS OUT_DIR");
            System.exit(2);
        }
        Path data = Path.of(args[0]);
        Path seedContent = Path.of(args[1]);
        Path escu = Path.of(args[2]);
        QuarryResults quarrySeed = QuarryResults.read(Path.of(args[3]));
        QuarryResults quarryAll = QuarryResults.read(Path.of(args[4]));
        int runs = Integer.parseInt(args[5]);
        Path outDir = Path.of(args[6]);
        Files.createDirectories(outDir);

        List<Translated> seed = ProcessesDetections.load(seedContent, VIEW, TABLE);
        List<Translated> all = ProcessesDetections.load(escu, VIEW, TABLE);
        writeQueries(outDir.resolve("duckdb-queries.sql"), seed, all);

        try (Connection connection = DriverManager.getConnection("jdbc:duckdb:")) {
            DuckDbBench bench = new DuckDbBench(connection, System.out);
            bench.run(data, seed, all, quarrySeed, quarryAll, runs, outDir);
        }
    }

    private void run(Path data, List<Translated> seed, List<Translated> all, QuarryResults quarrySeed,
            QuarryResults quarryAll, int runs, Path outDir) throws SQLException, IOException {
        for (String statement : ProcessesView.statements(data.toAbsolutePath() + "/**")) {
            execute(statement);
        }
        out.printf("duckdb: %s, %s threads%n", scalar("SELECT version()"),
                scalar("SELECT current_setting('threads')"));
        List<Translated> translated = all.stream().filter(Translated::translated).toList();
        out.printf("detections: %d seed; %d ESCU Endpoint.Processes tstats detections that Quarry runs, %d of "
                + "them translated%n", seed.size(), all.size(), translated.size());
        reportUntranslated(all);
        if (seed.size() != 1 || !seed.get(0).translated()) {
            throw new IllegalStateException("expected one translatable seed detection, found " + seed);
        }
        Translated seedDetection = seed.get(0);

        // Workload (a): the seed query over the JSON files, then over the loaded table.
        List<Timing> seedTimings = new ArrayList<>();
        QueryResult seedRows = null;
        for (int i = 0; i < runs; i++) {
            long cpu = cpuNanos();
            seedRows = query(seedDetection.sql());
            seedTimings.add(new Timing(seedRows.seconds(), (cpuNanos() - cpu) / 1e9));
        }

        // Workload (b): load once per run, then each detection's query.
        List<Timing> allTimings = new ArrayList<>();
        Map<String, QueryResult> allRows = new LinkedHashMap<>();
        long records = 0;
        for (int i = 0; i < runs; i++) {
            long cpu = cpuNanos();
            long start = System.nanoTime();
            execute("CREATE OR REPLACE TABLE " + TABLE + " AS SELECT * FROM " + VIEW);
            for (Translated t : translated) {
                allRows.put(t.name(), query(t.sqlOverTable()));
            }
            allTimings.add(new Timing((System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9));
            records = Long.parseLong(scalar("SELECT count(*) FROM " + TABLE));
        }

        List<Timing> seedLoaded = new ArrayList<>();
        List<Timing> allLoaded = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            long cpu = cpuNanos();
            double seconds = query(seedDetection.sqlOverTable()).seconds();
            seedLoaded.add(new Timing(seconds, (cpuNanos() - cpu) / 1e9));
            cpu = cpuNanos();
            long start = System.nanoTime();
            for (Translated t : translated) {
                query(t.sqlOverTable());
            }
            allLoaded.add(new Timing((System.nanoTime() - start) / 1e9, (cpuNanos() - cpu) / 1e9));
        }

        out.printf("records: %,d Endpoint.Processes records in DuckDB (%s)%n", records,
                scalar("SELECT string_agg(source || ': ' || n, ', ') FROM (SELECT source, count(*) AS n FROM "
                        + TABLE + " GROUP BY source ORDER BY source)"));
        out.println();
        out.println("| workload | reads the JSON | runs | wall s (each run) | CPU s (each run) |");
        out.println("| --- | --- | ---: | --- | --- |");
        row("(a) seed detection, one query over the view", "yes", seedTimings);
        row("(b) " + translated.size() + " detections: load the table, then one query each", "yes", allTimings);
        row("(a) seed detection, records already loaded in a table", "no", seedLoaded);
        row("(b) " + translated.size() + " detections, records already loaded in a table", "no", allLoaded);
        out.println();

        Map<String, QueryResult> seedMap = Map.of(seedDetection.name(), seedRows);
        List<String> lines = new ArrayList<>();
        lines.add("workload\tdetection\tquarry_rows\tduckdb_rows\tcomparison\tresult");
        compare("seed", seed, seedMap, quarrySeed, lines);
        compare("all", translated, allRows, quarryAll, lines);
        Files.write(outDir.resolve("duckdb-comparison.tsv"), lines, StandardCharsets.UTF_8);
    }

    private void reportUntranslated(List<Translated> all) {
        Map<String, Integer> reasons = new TreeMap<>();
        for (Translated t : all) {
            if (!t.translated()) {
                reasons.merge(t.reason().replaceAll("^(the comparison|the bare term|the statistical function) .*",
                        "$1 ..."), 1, Integer::sum);
            }
        }
        reasons.forEach((reason, count) -> out.printf("  not translated: %d with %s%n", count, reason));
    }

    /**
     * Compares DuckDB's rows with Quarry's for each detection: the row count where every command after tstats
     * keeps rows, and also each row's group-by values and count where those commands are only renames,
     * {@code convert} and {@code search *}.
     */
    private void compare(String workload, List<Translated> detections, Map<String, QueryResult> duck,
            QuarryResults quarry, List<String> lines) {
        int compared = 0;
        int matched = 0;
        int groupsCompared = 0;
        List<String> differences = new ArrayList<>();
        for (Translated t : detections) {
            QueryResult result = duck.get(t.name());
            if (result == null || !t.rowsComparable()) {
                continue;
            }
            List<Map<String, String>> quarryRows = quarry.rows(t.name());
            boolean same = quarryRows.size() == result.rows().size();
            String kind = "row count";
            if (same && t.groupsComparable()) {
                kind = "rows by group-by values and count";
                groupsCompared++;
                same = groupKeys(t, quarryRows, true).equals(groupKeys(t, result.rows(), false));
            }
            compared++;
            if (same) {
                matched++;
            } else {
                differences.add(t.name() + ": Quarry " + quarryRows.size() + " rows, DuckDB "
                        + result.rows().size());
            }
            lines.add(workload + "\t" + t.name() + "\t" + quarryRows.size() + "\t" + result.rows().size() + "\t"
                    + kind + "\t" + (same ? "same" : "different"));
        }
        long withRows = detections.stream().filter(t -> duck.containsKey(t.name())
                && !duck.get(t.name()).rows().isEmpty()).count();
        out.printf("comparison, %s: %d detections compared (%d of them row by row), %d the same, %d different;"
                + " %d detections return rows in DuckDB%n", workload, compared, groupsCompared, matched,
                compared - matched, withRows);
        differences.forEach(d -> out.println("  different: " + d));
    }

    /**
     * Returns each row's group-by values and count as a key, with the number of rows per key. Quarry's rows name the group-by fields
     * without the dataset prefix (after {@code drop_dm_object_name}); {@code _time} buckets are left out, since
     * the two render numbers differently.
     */
    private static Map<String, Integer> groupKeys(Translated t, List<Map<String, String>> rows, boolean quarry) {
        Map<String, Integer> keys = new TreeMap<>();
        String countName = t.tstats().aggregations().stream()
                .filter(a -> a.function().equalsIgnoreCase("count") && a.field() == null)
                .map(a -> a.outputName()).findFirst().orElse(null);
        for (Map<String, String> row : rows) {
            StringBuilder key = new StringBuilder();
            for (String field : t.tstats().by()) {
                if (field.equals("_time")) {
                    continue;
                }
                String name = quarry && field.startsWith(ProcessesView.OBJECT + ".")
                        ? field.substring(ProcessesView.OBJECT.length() + 1) : field;
                key.append(row.get(name)).append('\u0001');
            }
            if (countName != null) {
                String count = row.get(countName);
                key.append(count == null ? null : (long) Double.parseDouble(count));
            }
            keys.merge(key.toString(), 1, Integer::sum);
        }
        return keys;
    }

    private void row(String workload, String readsJson, List<Timing> timings) {
        List<String> wall = new ArrayList<>();
        List<String> cpu = new ArrayList<>();
        for (Timing t : timings) {
            wall.add(String.format(Locale.ROOT, "%.2f", t.wallSeconds()));
            cpu.add(String.format(Locale.ROOT, "%.2f", t.cpuSeconds()));
        }
        out.printf("| %s | %s | %d | %s | %s |%n", workload, readsJson, timings.size(), String.join(", ", wall),
                String.join(", ", cpu));
    }

    private QueryResult query(String sql) throws SQLException {
        long start = System.nanoTime();
        List<Map<String, String>> rows = new ArrayList<>();
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            ResultSetMetaData meta = r.getMetaData();
            while (r.next()) {
                Map<String, String> row = new HashMap<>();
                for (int i = 1; i <= meta.getColumnCount(); i++) {
                    row.put(meta.getColumnLabel(i), r.getString(i));
                }
                rows.add(row);
            }
        } catch (SQLException e) {
            throw new SQLException("query failed: " + e.getMessage() + "\n" + sql, e);
        }
        return new QueryResult(rows, (System.nanoTime() - start) / 1e9);
    }

    private void execute(String sql) throws SQLException {
        try (Statement s = connection.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new SQLException("statement failed: " + e.getMessage() + "\n" + sql, e);
        }
    }

    private String scalar(String sql) throws SQLException {
        try (Statement s = connection.createStatement(); ResultSet r = s.executeQuery(sql)) {
            return r.next() ? r.getString(1) : null;
        }
    }

    /** CPU time of the whole process, DuckDB's worker threads included. */
    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static void writeQueries(Path file, List<Translated> seed, List<Translated> all) throws IOException {
        List<String> lines = new ArrayList<>();
        lines.add("-- Generated by dev.quarry.bench.DuckDbBench: the view definitions, then one query per "
                + "detection.");
        for (String statement : ProcessesView.statements("DATA_DIR/**")) {
            lines.add(statement + ";");
        }
        for (Translated t : seed) {
            lines.add("-- seed: " + t.name());
            lines.add(t.sql() + ";");
        }
        for (Translated t : all) {
            lines.add("-- " + t.name() + (t.translated() ? "" : ": not translated, " + t.reason()));
            if (t.translated()) {
                lines.add(t.sqlOverTable() + ";");
            }
        }
        Files.write(file, lines, StandardCharsets.UTF_8);
    }
}
