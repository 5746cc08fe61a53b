package dev.quarry.exec.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.agg.AggregatorFactory;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memory limits of every operator that keeps rows, groups or distinct keys, and what {@link Operator#held()}
 * reports for each. The limits are two rows and two groups, so that a third row or group goes past them. All rows
 * are constructed.
 */
class OperatorLimitsTest {
    private static final Limits SMALL = new Limits(2, 2);
    private static final Limits LARGE = new Limits(1_000, 1_000);

    private static final GroupedAggregation.Function COUNT = new GroupedAggregation.Function("count",
            GroupedAggregation.ArgumentReader.NONE, AggregatorFactory.forName("count", false));

    private static Row row(String... fieldsAndValues) {
        Row r = new Row();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            r.put(fieldsAndValues[i], Value.str(fieldsAndValues[i + 1]));
        }
        return r;
    }

    /** Returns a row that stands for a raw event read at {@code time}, still in input order. */
    private static Row rawEvent(double time, String... fieldsAndValues) {
        Row r = row(fieldsAndValues);
        r.put("_time", Value.num(time));
        r.setRawEventTime(time);
        return r;
    }

    private static Collector collector() {
        return Collector.results(LARGE.rows());
    }

    private static List<GroupedAggregation.GroupField> by(String field) {
        return List.of(new GroupedAggregation.GroupField(field, field, 0));
    }

    private static AggregateOperator stats(String field, Limits limits, Operator next) {
        return new AggregateOperator(new GroupedAggregation("stats", by(field), List.of(COUNT), null,
                limits.groups()), next);
    }

    @Test
    void limitsRejectZero() {
        assertThatThrownBy(() -> new Limits(0, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("rows and groups must be 1 or more, not rows=0, groups=1");
        assertThatThrownBy(() -> new Limits(1, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    // ---- groups -------------------------------------------------------------------------------------------------

    @Test
    void statsHeldCountsGroups() {
        AggregateOperator op = stats("u", SMALL, collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        op.push(row("u", "a"));
        assertThat(op.held()).isEqualTo(2);
    }

    @Test
    void statsRejectsGroupPastLimit() {
        AggregateOperator op = stats("u", SMALL, collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        assertThatThrownBy(() -> op.push(row("u", "c"))).isInstanceOf(RowLimitException.class)
                .hasMessage("stats keeps at most 2 groups until its input ends, and this search gave it more."
                        + " Narrow the search so that fewer rows reach stats.");
    }

    @Test
    void tstatsRejectsSharedRecordPastLimit() {
        AggregateOperator op = new AggregateOperator(new GroupedAggregation("tstats", by("dest"), List.of(COUNT),
                "null", SMALL.groups()), collector());
        op.pushShared(row("dest", "h1"));
        op.pushShared(row("x", "1"));
        assertThat(op.held()).as("the fill value makes a group of its own").isEqualTo(2);
        assertThatThrownBy(() -> op.pushShared(row("dest", "h2"))).isInstanceOf(RowLimitException.class)
                .hasMessageStartingWith("tstats keeps at most 2 groups until its input ends");
    }

    @Test
    void eventstatsHeldCountsRowsAndGroups() {
        EventstatsOperator op = new EventstatsOperator(by("u"), List.of(COUNT), LARGE, collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        op.push(row("u", "a"));
        assertThat(op.held()).isEqualTo(3 + 2);
    }

    @Test
    void eventstatsRejectsRowPastLimit() {
        EventstatsOperator op = new EventstatsOperator(by("u"), List.of(COUNT), SMALL, collector());
        op.push(row("u", "a"));
        op.push(row("u", "a"));
        assertThatThrownBy(() -> op.push(row("u", "a"))).isInstanceOf(RowLimitException.class)
                .hasMessage("eventstats keeps at most 2 rows until its input ends, and this search gave it more."
                        + " Narrow the search so that fewer rows reach eventstats.");
    }

    @Test
    void eventstatsRejectsGroupPastLimit() {
        EventstatsOperator op = new EventstatsOperator(by("u"), List.of(COUNT), new Limits(10, 2), collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        assertThatThrownBy(() -> op.push(row("u", "c"))).isInstanceOf(RowLimitException.class)
                .hasMessage("eventstats keeps at most 2 groups until its input ends, and this search gave it"
                        + " more. Narrow the search so that fewer rows reach eventstats.");
    }

    // ---- results ------------------------------------------------------------------------------------------------

    @Test
    void collectorHeldCountsRows() {
        Collector c = Collector.results(2);
        c.push(row("n", "1"));
        c.push(row("n", "2"));
        assertThat(c.held()).isEqualTo(2);
        assertThat(c.rows()).hasSize(2);
    }

    @Test
    void collectorRejectsResultPastLimit() {
        Collector c = Collector.results(2);
        c.push(row("n", "1"));
        c.push(row("n", "2"));
        assertThatThrownBy(() -> c.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("the search keeps at most 2 final result rows, and this search returned more. Narrow"
                        + " the search so that it returns fewer rows.");
    }

    @Test
    void subsearchCollectorNamesSubsearch() {
        Collector c = Collector.subsearchResults(2);
        c.push(row("n", "1"));
        c.push(row("n", "2"));
        assertThatThrownBy(() -> c.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("a subsearch keeps at most 2 result rows until the search that uses them finishes, and"
                        + " this subsearch returned more. Narrow the subsearch so that it returns fewer rows.");
    }

    // ---- rows kept until the input ends ----------------------------------------------------------------------------

    @Test
    void joinHeldCountsMainRows() {
        JoinOperator.Spec spec = new JoinOperator.Spec(JoinOperator.Type.LEFT, List.of("k"), 1, true,
                JoinOperator.TimeLimit.NONE, JoinOperator.SUBSEARCH_LIMIT);
        JoinOperator join = new JoinOperator(spec, List::of, SMALL, collector());
        join.push(row("k", "1"));
        join.push(row("k", "1"));
        assertThat(join.held()).isEqualTo(2);
        join.finish();
        assertThat(join.held()).isZero();
    }

    @Test
    void transactionHeldCountsRows() {
        TransactionOperator.Spec spec = new TransactionOperator.Spec(List.of("k"), -1, -1, 1000, null, null);
        TransactionOperator op = new TransactionOperator(spec, SMALL, collector());
        op.push(row("k", "1", "_time", "1"));
        op.push(row("k", "1", "_time", "2"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("k", "1", "_time", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("transaction keeps at most 2 rows until its input ends, and this search gave it more."
                        + " Narrow the search so that fewer rows reach transaction.");
    }

    @Test
    void appendpipeHeldCountsSubPipelineState() {
        AppendPipeOperator op = new AppendPipeOperator(last -> {
            AggregateOperator stats = stats("u", LARGE, last);
            return new OperatorChain(stats, List.of(stats));
        }, SMALL, collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        op.push(row("u", "a"));
        assertThat(op.held()).as("two groups in the sub-pipeline's stats").isEqualTo(2);
    }

    @Test
    void appendpipeRejectsOutputPastLimit() {
        AppendPipeOperator op = new AppendPipeOperator(last -> new OperatorChain(last, List.of()), SMALL,
                collector());
        op.push(row("n", "1"));
        op.push(row("n", "2"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("appendpipe keeps at most 2 rows of its sub-pipeline's output until the input ends, and"
                        + " this search gave it more. Narrow the search so that fewer rows reach appendpipe.");
    }

    @Test
    void addtotalsColumnsRejectsRowPastLimit() {
        AddtotalsOperator op = new AddtotalsOperator(List.of(), new AddtotalsOperator.Options(true, true, "Total",
                null, "Total"), SMALL, collector());
        op.push(row("n", "1"));
        op.push(row("n", "2"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("addtotals keeps at most 2 rows until its input ends when col=true, and this search"
                        + " gave it more. Narrow the search so that fewer rows reach addtotals.");
    }

    @Test
    void addtotalsRowsOnlyKeepsNothing() {
        Collector out = collector();
        AddtotalsOperator op = new AddtotalsOperator(List.of(), new AddtotalsOperator.Options(true, false, "Total",
                null, "Total"), SMALL, out);
        for (int i = 0; i < 5; i++) {
            op.push(row("n", Integer.toString(i)));
        }
        assertThat(op.held()).isZero();
        assertThat(out.rows()).hasSize(5);
    }

    @Test
    void binWithoutSpanRejectsRowPastLimit() {
        BinOperator.Binning automatic = new BinOperator.Binning(false, 0, 0, null, 10, null, null, 0);
        BinOperator op = new BinOperator("bucket", "v", "v", automatic, SMALL, collector());
        op.push(row("v", "1"));
        op.push(row("v", "2"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("v", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("bucket keeps at most 2 rows until its input ends when no span is given, and this"
                        + " search gave it more. Narrow the search so that fewer rows reach bucket.");
    }

    @Test
    void binWithSpanKeepsNothing() {
        BinOperator.Binning fixed = new BinOperator.Binning(false, 10, 0, null, 100, null, null, 0);
        BinOperator op = new BinOperator("bin", "v", "v", fixed, SMALL, collector());
        for (int i = 0; i < 5; i++) {
            op.push(row("v", Integer.toString(i)));
        }
        assertThat(op.held()).isZero();
    }

    @Test
    void fillnullWithoutFieldsRejectsRowPastLimit() {
        FillnullOperator op = new FillnullOperator("0", List.of(), SMALL, collector());
        op.push(row("a", "1"));
        op.push(row("b", "2"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("c", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("fillnull keeps at most 2 rows until its input ends when it has no field list, and"
                        + " this search gave it more. Narrow the search so that fewer rows reach fillnull.");
    }

    @Test
    void fillnullWithFieldsKeepsNothing() {
        FillnullOperator op = new FillnullOperator("0", List.of("a"), SMALL, collector());
        for (int i = 0; i < 5; i++) {
            op.push(row("b", Integer.toString(i)));
        }
        assertThat(op.held()).isZero();
    }

    // ---- rows kept to put them in order -------------------------------------------------------------------------

    @Test
    void headKeepsNewestRawEventsWithinLimit() {
        Collector out = collector();
        HeadOperator op = new HeadOperator(2, SMALL, out);
        for (int i = 1; i <= 5; i++) {
            op.push(rawEvent(i, "n", Integer.toString(i)));
        }
        assertThat(op.held()).isEqualTo(2);
        op.finish();
        assertThat(out.rows()).extracting(r -> r.get("n").text()).containsExactly("5", "4");
    }

    @Test
    void headRejectsRawEventsPastLimit() {
        HeadOperator op = new HeadOperator(5, SMALL, collector());
        op.push(rawEvent(1));
        op.push(rawEvent(2));
        assertThatThrownBy(() -> op.push(rawEvent(3))).isInstanceOf(RowLimitException.class)
                .hasMessage("head keeps at most 2 rows of raw events until its input ends, to return the newest,"
                        + " and this search gave it more. Narrow the search so that fewer rows reach head.");
    }

    @Test
    void headPassesOtherRowsAtOnce() {
        Collector out = collector();
        HeadOperator op = new HeadOperator(5, SMALL, out);
        for (int i = 0; i < 4; i++) {
            op.push(row("n", Integer.toString(i)));
        }
        assertThat(op.held()).isZero();
        assertThat(out.rows()).hasSize(4);
    }

    @Test
    void tailKeepsLastRowsWithinLimit() {
        TailOperator op = new TailOperator(2, SMALL, collector());
        for (int i = 0; i < 5; i++) {
            op.push(row("n", Integer.toString(i)));
        }
        assertThat(op.held()).isEqualTo(2);
    }

    @Test
    void tailRejectsRowPastLimit() {
        TailOperator op = new TailOperator(5, SMALL, collector());
        op.push(row("n", "1"));
        op.push(row("n", "2"));
        assertThatThrownBy(() -> op.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("tail keeps at most 2 rows until its input ends, and this search gave it more. Narrow"
                        + " the search so that fewer rows reach tail.");
    }

    @Test
    void sortWithCountKeepsBestRowsWithinLimit() {
        SortOperator op = new SortOperator(List.of(new SortKey("n", false, SortKey.Collation.AUTO)), 2, SMALL,
                collector());
        for (int i = 0; i < 5; i++) {
            op.push(row("n", Integer.toString(i)));
        }
        assertThat(op.held()).isEqualTo(2);
    }

    @Test
    void sortWithCountRejectsRowPastLimit() {
        SortOperator op = new SortOperator(List.of(new SortKey("n", false, SortKey.Collation.AUTO)), 5, SMALL,
                collector());
        op.push(row("n", "1"));
        op.push(row("n", "2"));
        assertThatThrownBy(() -> op.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("sort keeps at most 2 rows until its input ends, and this search gave it more. Narrow"
                        + " the search so that fewer rows reach sort.");
    }

    @Test
    void sortAllRejectsRowPastLimit() {
        Collector out = collector();
        SortOperator op = new SortOperator(List.of(new SortKey("n", true, SortKey.Collation.AUTO)), 0, SMALL, out);
        op.push(row("n", "1"));
        op.push(row("n", "2"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("n", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessageStartingWith("sort keeps at most 2 rows until its input ends");
        op.finish();
        assertThat(out.rows()).extracting(r -> r.get("n").text()).containsExactly("2", "1");
        assertThat(op.held()).isZero();
    }

    @Test
    void dedupRejectsRawEventsPastLimit() {
        DedupOperator op = new DedupOperator(List.of("u"), new DedupOperator.Options(1, false, false, false,
                List.of()), SMALL, collector());
        op.push(rawEvent(1, "u", "a"));
        op.push(rawEvent(2, "u", "a"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(rawEvent(3, "u", "a"))).isInstanceOf(RowLimitException.class)
                .hasMessage("dedup keeps at most 2 rows of raw events until its input ends, to take them newest"
                        + " first, and this search gave it more. Narrow the search so that fewer rows reach dedup.");
    }

    @Test
    void dedupRejectsKeyPastLimit() {
        DedupOperator op = new DedupOperator(List.of("u"), new DedupOperator.Options(1, false, false, false,
                List.of()), SMALL, collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        op.push(row("u", "a"));
        assertThat(op.held()).as("two distinct values, no rows").isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("u", "c"))).isInstanceOf(RowLimitException.class)
                .hasMessage("dedup keeps at most 2 distinct combinations of its fields' values until its input"
                        + " ends, and this search gave it more. Narrow the search so that fewer rows reach dedup.");
    }

    @Test
    void dedupSortbyHeldCountsRowsAndKeys() {
        DedupOperator op = new DedupOperator(List.of("u"), new DedupOperator.Options(1, false, false, false,
                List.of(new SortKey("u", false, SortKey.Collation.AUTO))), LARGE, collector());
        op.push(row("u", "b"));
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        assertThat(op.held()).as("two kept rows and two distinct values").isEqualTo(4);
    }

    @Test
    void dedupSortbyRejectsRowPastLimit() {
        DedupOperator op = new DedupOperator(List.of("u"), new DedupOperator.Options(1, false, false, false,
                List.of(new SortKey("u", false, SortKey.Collation.AUTO))), new Limits(2, 10), collector());
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        assertThatThrownBy(() -> op.push(row("u", "c"))).isInstanceOf(RowLimitException.class)
                .hasMessage("dedup keeps at most 2 rows until its input ends, to sort them by sortby, and this"
                        + " search gave it more. Narrow the search so that fewer rows reach dedup.");
    }

    @Test
    void dedupConsecutiveKeepsNoKeys() {
        DedupOperator op = new DedupOperator(List.of("u"), new DedupOperator.Options(1, false, true, false,
                List.of()), SMALL, collector());
        for (String u : List.of("a", "b", "c", "d")) {
            op.push(row("u", u));
        }
        assertThat(op.held()).isZero();
    }

    // ---- streamstats ----------------------------------------------------------------------------------------------

    private static StreamstatsOperator streamstats(int window, boolean global, Limits limits) {
        StreamstatsOperator.Options options = new StreamstatsOperator.Options(window, true, global, false, 0);
        return new StreamstatsOperator(List.of("u"), List.of(COUNT), options, limits, collector());
    }

    @Test
    void streamstatsRejectsGroupPastLimit() {
        StreamstatsOperator op = streamstats(0, true, SMALL);
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        op.push(row("u", "a"));
        assertThat(op.held()).isEqualTo(2);
        assertThatThrownBy(() -> op.push(row("u", "c"))).isInstanceOf(RowLimitException.class)
                .hasMessage("streamstats keeps at most 2 groups until its input ends, and this search gave it"
                        + " more. Narrow the search so that fewer rows reach streamstats.");
    }

    @Test
    void streamstatsWindowHeldCountsWindowsAndEntries() {
        StreamstatsOperator op = streamstats(2, false, LARGE);
        for (String u : List.of("a", "a", "a", "b")) {
            op.push(row("u", u));
        }
        assertThat(op.held()).as("two windows with two and one entries").isEqualTo(2 + 3);
    }

    @Test
    void streamstatsRejectsWindowEntryPastLimit() {
        StreamstatsOperator op = streamstats(5, true, SMALL);
        op.push(row("u", "a"));
        op.push(row("u", "b"));
        assertThatThrownBy(() -> op.push(row("u", "a"))).isInstanceOf(RowLimitException.class)
                .hasMessage("streamstats keeps at most 2 rows in its windows, and this search gave it more. Narrow"
                        + " the search so that fewer rows reach streamstats.");
    }

    @Test
    void streamstatsRejectsRawEventsPastLimit() {
        StreamstatsOperator op = streamstats(0, true, SMALL);
        op.push(rawEvent(1, "u", "a"));
        op.push(rawEvent(2, "u", "a"));
        assertThatThrownBy(() -> op.push(rawEvent(3, "u", "a"))).isInstanceOf(RowLimitException.class)
                .hasMessageStartingWith("streamstats keeps at most 2 rows of raw events until its input ends");
    }

    // ---- operators that keep no rows ------------------------------------------------------------------------------

    @Test
    void foreachHeldCountsCachedMatches() {
        ForeachOperator op = new ForeachOperator(List.of(ForeachOperator.FieldPattern.compile("a*")),
                match -> last -> last, collector());
        op.push(row("a1", "x", "a2", "y", "b", "z"));
        op.push(row("a1", "x"));
        assertThat(op.held()).isEqualTo(2);
    }

    @Test
    void appendKeepsNoRows() {
        AppendOperator append = new AppendOperator(() -> List.of(row("n", "9")), 10, collector());
        AppendRowsOperator appendRows = new AppendRowsOperator(() -> List.of(row("n", "9")), collector());
        for (int i = 0; i < 3; i++) {
            append.push(row("n", Integer.toString(i)));
            appendRows.push(row("n", Integer.toString(i)));
        }
        assertThat(append.held()).isZero();
        assertThat(appendRows.held()).isZero();
    }
}
