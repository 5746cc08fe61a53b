package dev.quarry.plan.commands;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cim.CimCatalog;
import dev.quarry.exec.EvalContext;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.plan.Planner;
import dev.quarry.plan.QueryPlan;
import dev.quarry.spl.Spl;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The row limit of {@code sort}, which needs more rows than a spec file can list. */
class SortLimitTest {
    private static final int ROWS = 10_001;

    @Test
    void sortKeepsTenThousandRowsByDefault() {
        List<Row> out = run("search * | sort - n");
        assertThat(out).hasSize(10_000);
        assertThat(out.get(0).get("n").text()).isEqualTo("10000");
        assertThat(out.get(9_999).get("n").text()).isEqualTo("1");
    }

    @Test
    void sortZeroKeepsEveryRow() {
        List<Row> out = run("search * | sort 0 - n");
        assertThat(out).hasSize(ROWS);
        assertThat(out.get(ROWS - 1).get("n").text()).isEqualTo("0");
    }

    private static List<Row> run(String query) {
        QueryPlan plan = new Planner(CimCatalog.builtIn(), new EvalContext(0)).plan(Spl.parseQuery(query));
        QueryPlan.Chain chain = plan.newChain();
        for (int i = 0; i < ROWS; i++) {
            chain.head().push(new Row().put("n", Value.str(Integer.toString(i))));
        }
        chain.finish();
        return chain.results().rows();
    }
}
