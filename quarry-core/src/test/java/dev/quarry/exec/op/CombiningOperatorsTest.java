package dev.quarry.exec.op;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Limits of the operators that keep rows, which spec files cannot reach with a few rows. Join and append use a
 * limited number of subsearch rows, and join, appendpipe and transaction keep a limited number of rows.
 */
class CombiningOperatorsTest {
    private static Row row(String... fieldsAndValues) {
        Row r = new Row();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            r.put(fieldsAndValues[i], Value.str(fieldsAndValues[i + 1]));
        }
        return r;
    }

    private static Collector collector() {
        return Collector.results(Limits.DEFAULT.rows());
    }

    private static List<String> texts(Collector c, String field) {
        return c.rows().stream().map(r -> r.get(field) == null ? null : r.get(field).text()).toList();
    }

    @Test
    void joinTruncatesSubsearchAtLimit() {
        List<Row> sub = List.of(row("k", "1", "v", "a"), row("k", "2", "v", "b"), row("k", "3", "v", "c"));
        Collector out = collector();
        JoinOperator.Spec spec = new JoinOperator.Spec(JoinOperator.Type.LEFT, List.of("k"), 1, true,
                JoinOperator.TimeLimit.NONE, 2);
        JoinOperator join = new JoinOperator(spec, () -> sub, new Limits(10, 10), out);
        join.push(row("k", "1"));
        join.push(row("k", "3"));
        join.finish();
        // The third subsearch row is past the limit, and Splunk likewise drops rows past subsearch_maxout.
        assertThat(texts(out, "v")).containsExactly("a", null);
        assertThat(out.finished()).isTrue();
    }

    @Test
    void joinRejectsTooManyMainRows() {
        JoinOperator.Spec spec = new JoinOperator.Spec(JoinOperator.Type.INNER, List.of("k"), 1, true,
                JoinOperator.TimeLimit.NONE, JoinOperator.SUBSEARCH_LIMIT);
        JoinOperator join = new JoinOperator(spec, List::of, new Limits(2, 10), collector());
        join.push(row("k", "1"));
        join.push(row("k", "2"));
        assertThatThrownBy(() -> join.push(row("k", "3"))).isInstanceOf(RowLimitException.class)
                .hasMessage("join keeps at most 2 rows of the main search until its subsearch finishes, and this"
                        + " search gave it more. Narrow the search so that fewer rows reach join.");
    }

    @Test
    void joinCopiesMainRowPerMatch() {
        List<Row> sub = List.of(row("k", "1", "v", "a"), row("k", "1", "v", "b"));
        Collector out = collector();
        JoinOperator.Spec spec = new JoinOperator.Spec(JoinOperator.Type.INNER, List.of("k"), 0, true,
                JoinOperator.TimeLimit.NONE, JoinOperator.SUBSEARCH_LIMIT);
        JoinOperator join = new JoinOperator(spec, () -> sub, new Limits(10, 10), out);
        join.push(row("k", "1", "m", "x"));
        join.finish();
        assertThat(texts(out, "v")).containsExactly("a", "b");
        assertThat(texts(out, "m")).containsExactly("x", "x");
        assertThat(out.rows().get(0)).isNotSameAs(out.rows().get(1));
    }

    @Test
    void appendAddsAtMostLimit() {
        List<Row> sub = new ArrayList<>(List.of(row("n", "2"), row("n", "3")));
        Collector out = collector();
        AppendOperator append = new AppendOperator(() -> sub, 1, out);
        append.push(row("n", "1"));
        append.finish();
        assertThat(texts(out, "n")).containsExactly("1", "2");
    }

    @Test
    void appendpipeRejectsTooMuchOutput() {
        AppendPipeOperator op = new AppendPipeOperator(last -> new OperatorChain(last, List.of()), new Limits(1, 10),
                collector());
        op.push(row("n", "1"));
        assertThatThrownBy(() -> op.push(row("n", "2"))).isInstanceOf(RowLimitException.class)
                .hasMessageContaining("appendpipe keeps at most 1 rows");
    }

    @Test
    void transactionRejectsTooManyRows() {
        TransactionOperator.Spec spec = new TransactionOperator.Spec(List.of("k"), -1, -1, 1000, null, null);
        TransactionOperator op = new TransactionOperator(spec, new Limits(1, 10), collector());
        op.push(row("k", "1", "_time", "1"));
        assertThatThrownBy(() -> op.push(row("k", "1", "_time", "2"))).isInstanceOf(RowLimitException.class)
                .hasMessageContaining("transaction keeps at most 1 rows until its input ends");
    }

    @Test
    void foreachPatternCapturesWildcards() {
        ForeachOperator.FieldPattern p = ForeachOperator.FieldPattern.compile("*_count_*");
        ForeachOperator.FieldMatch m = p.match("src_count_by_dest");
        assertThat(m.segments()).containsExactly("src", "by_dest");
        assertThat(m.matchString()).isEqualTo("src_count_by_dest");
        assertThat(ForeachOperator.FieldPattern.compile("stdev_*").match("stdev_cpu:mem").matchString())
                .isEqualTo("cpu:mem");
        assertThat(ForeachOperator.FieldPattern.compile("*").match("_time")).isNull();
        assertThat(ForeachOperator.FieldPattern.compile("_*").match("_time").matchString()).isEqualTo("time");
        assertThat(ForeachOperator.FieldPattern.compile("Count*").match("count1")).isNull();
    }
}
