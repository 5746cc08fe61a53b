package dev.quarry.bench;

import dev.quarry.cim.CimCatalog;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.ContentLoader;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.plan.Planner;
import dev.quarry.plan.QueryPlan;
import dev.quarry.spl.Spl;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.SearchCommand;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.TstatsCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Selects the detections of a content folder that the DuckDB comparison runs: those Quarry can run whose search
 * starts with {@code tstats} over Endpoint.Processes, translated to SQL by {@link SqlTranslator}. Detections
 * whose where clause or functions the translator does not cover are kept with the reason, for the report.
 */
final class ProcessesDetections {
    /** Commands that never add or drop rows, so Quarry's final row count equals the tstats row count. */
    private static final Set<String> ROW_PRESERVING = Set.of("rename", "convert", "eval", "fields", "table",
            "lookup", "fillnull");

    /**
     * One detection over Endpoint.Processes with its query over the view ({@code sql}) and over the loaded table
     * ({@code sqlOverTable}). Both are null when it could not be translated, and then {@code reason} names the
     * construct. {@code rowsComparable} is true when every command after tstats keeps the row count, and
     * {@code groupsComparable} when they are only renames, {@code convert} and {@code search *}, so Quarry's rows
     * carry the group-by values unchanged under their names without the dataset prefix.
     */
    record Translated(String name, TstatsCommand tstats, String sql, String sqlOverTable, String reason,
            boolean rowsComparable, boolean groupsComparable) {
        boolean translated() {
            return sql != null;
        }
    }

    private ProcessesDetections() {
    }

    /**
     * Loads the content folder and returns its runnable Endpoint.Processes tstats detections, in file order, with
     * queries over the relations named {@code view} and {@code table}.
     */
    static List<Translated> load(Path contentFolder, String view, String table) {
        ContentPack pack = ContentLoader.load(List.of(contentFolder));
        DetectionCompiler compiler = new DetectionCompiler(pack.macros(),
                new Planner(CimCatalog.builtIn(), EvalContext.atWallClock()));
        SqlTranslator translator = new SqlTranslator(new HashSet<>(ProcessesView.COLUMNS));
        List<Translated> out = new ArrayList<>();
        for (Detection d : pack.detections()) {
            CompiledDetection compiled = compiler.compile(d);
            if (!compiled.runnable()
                    || !(compiled.plan().source() instanceof QueryPlan.DatasetSource source)
                    || !source.dataset().key().equals("Endpoint.Processes")) {
                continue;
            }
            List<Command> commands = Spl.parseQuery(compiled.expansion().text()).commands();
            if (!(commands.get(0) instanceof TstatsCommand tstats)) {
                continue;
            }
            boolean rowsComparable = compiled.plan().subsearches().isEmpty();
            boolean groupsComparable = rowsComparable;
            for (Command c : commands.subList(1, commands.size())) {
                boolean keepsAll = isSearchAll(c);
                rowsComparable &= keepsAll || ROW_PRESERVING.contains(c.name());
                groupsComparable &= keepsAll || c.name().equals("rename") || c.name().equals("convert");
            }
            try {
                out.add(new Translated(d.name(), tstats, translator.query(tstats, view),
                        translator.query(tstats, table), null, rowsComparable, groupsComparable));
            } catch (SqlTranslator.Untranslatable e) {
                out.add(new Translated(d.name(), tstats, null, null, e.getMessage(), rowsComparable,
                        groupsComparable));
            }
        }
        return out;
    }

    /** True for {@code search *}, which each ESCU detection's default filter macro expands to. */
    private static boolean isSearchAll(Command c) {
        return c instanceof SearchCommand s && s.filter() instanceof SearchExpr.Term t && t.value().text().equals("*");
    }
}
