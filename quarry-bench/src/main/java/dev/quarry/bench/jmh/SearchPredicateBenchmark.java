package dev.quarry.bench.jmh;

import dev.quarry.exec.Row;
import dev.quarry.exec.RowPredicate;
import dev.quarry.exec.SearchPredicates;
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

/**
 * {@link SearchPredicates} on a tstats where clause over normalized Endpoint.Processes records: {@code seed}
 * is the seed detection's clause (Quarry's content pack), {@code largest} the ESCU Endpoint.Processes clause
 * with the most comparisons. One operation tests every record once and returns the number that match.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class SearchPredicateBenchmark {
    /** JSON lines of process-creation events, normalized into the records in the setup. */
    @Param("")
    public String recordsFile;

    @Param("")
    public String seedContent;

    @Param("")
    public String escuContent;

    @Param({"seed", "largest"})
    public String clause;

    private List<Row> records;
    private RowPredicate predicate;

    @Setup
    public void load() throws IOException {
        records = BenchInputs.processRecords(BenchInputs.events("bench.json",
                BenchInputs.bytes("recordsFile", recordsFile)));
        TstatsSearches.Named chosen = clause.equals("seed")
                ? TstatsSearches.load(seedContent).get(0)
                : TstatsSearches.largestWhere(TstatsSearches.load(escuContent));
        predicate = SearchPredicates.compile(chosen.tstats().where(), TstatsSearches.RECORD_FIELD);
        System.out.printf("%n%s clause: '%s', %d comparisons, over %d records%n", clause, chosen.name(),
                TstatsSearches.comparisons(chosen.tstats().where()), records.size());
    }

    @Benchmark
    public int test() {
        int matches = 0;
        for (Row r : records) {
            if (predicate.test(r)) {
                matches++;
            }
        }
        return matches;
    }
}
