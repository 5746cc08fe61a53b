package dev.quarry.bench.jmh;

import dev.quarry.exec.Row;
import dev.quarry.exec.agg.AggregatorFactory;
import dev.quarry.exec.op.GroupedAggregation;
import dev.quarry.spl.ast.Aggregation;
import dev.quarry.spl.ast.TstatsCommand;
import java.io.IOException;
import java.util.ArrayList;
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
 * {@link GroupedAggregation} with the seed detection's group-by (nine fields, {@code fillnull_value=null}) and
 * functions ({@code count}, {@code min(_time)}, {@code max(_time)}) over every normalized Endpoint.Processes
 * record of the input, unfiltered, so that each record reaches the aggregation. One operation adds every record
 * and computes the result rows.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
public class AggregationBenchmark {
    /** JSON lines of process-creation events, normalized into the records in the setup. */
    @Param("")
    public String recordsFile;

    @Param("")
    public String seedContent;

    private List<Row> records;
    private List<GroupedAggregation.GroupField> groupBy;
    private List<GroupedAggregation.Function> functions;
    private String fill;

    @Setup
    public void load() throws IOException {
        records = BenchInputs.processRecords(BenchInputs.events("bench.json",
                BenchInputs.bytes("recordsFile", recordsFile)));
        TstatsCommand seed = TstatsSearches.load(seedContent).get(0).tstats();
        groupBy = new ArrayList<>();
        for (String field : seed.by()) {
            groupBy.add(new GroupedAggregation.GroupField(field, TstatsSearches.RECORD_FIELD.apply(field), 0));
        }
        functions = new ArrayList<>();
        for (Aggregation a : seed.aggregations()) {
            GroupedAggregation.ArgumentReader argument = a.field() == null ? GroupedAggregation.ArgumentReader.NONE
                    : GroupedAggregation.ArgumentReader.field(TstatsSearches.RECORD_FIELD.apply(a.field()));
            functions.add(new GroupedAggregation.Function(a.outputName(), argument,
                    AggregatorFactory.forName(a.function(), a.field() != null)));
        }
        fill = seed.options().get("fillnull_value");
        System.out.printf("%n%d records per operation%n", records.size());
    }

    @Benchmark
    public List<Row> aggregate() {
        GroupedAggregation aggregation = new GroupedAggregation("tstats", groupBy, functions, fill,
                dev.quarry.exec.op.Limits.DEFAULT.groups());
        for (Row r : records) {
            aggregation.add(r);
        }
        return aggregation.results();
    }
}
