package dev.quarry.bench.jmh;

import dev.quarry.cim.CimCatalog;
import dev.quarry.content.CompiledDetection;
import dev.quarry.content.ContentLoader;
import dev.quarry.content.ContentPack;
import dev.quarry.content.Detection;
import dev.quarry.content.DetectionCompiler;
import dev.quarry.exec.EvalContext;
import dev.quarry.plan.Planner;
import dev.quarry.spl.Spl;
import dev.quarry.spl.ast.Command;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.TstatsCommand;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/** The tstats commands of real detections, macro-expanded and parsed, as benchmark inputs. */
final class TstatsSearches {
    /** Maps {@code Processes.x} to the record field {@code x}, as the planner does for tstats. */
    static final UnaryOperator<String> RECORD_FIELD = name -> name.startsWith("Processes.")
            ? name.substring("Processes.".length()) : name;

    private TstatsSearches() {
    }

    /** A detection's name and its first command. */
    record Named(String name, TstatsCommand tstats) {
    }

    /** Returns the runnable detections of a content folder that start with tstats over Endpoint.Processes. */
    static List<Named> load(String contentFolder) {
        if (contentFolder == null || contentFolder.isBlank()) {
            throw new IllegalArgumentException("content folder parameter is not set (bench/jmh.sh sets it)");
        }
        ContentPack pack = ContentLoader.load(List.of(Path.of(contentFolder)));
        DetectionCompiler compiler = new DetectionCompiler(pack.macros(),
                new Planner(CimCatalog.builtIn(), EvalContext.atWallClock()));
        List<Named> out = new ArrayList<>();
        for (Detection d : pack.detections()) {
            CompiledDetection c = compiler.compile(d);
            if (!c.runnable()) {
                continue;
            }
            Command first = Spl.parseQuery(c.expansion().text()).commands().get(0);
            if (first instanceof TstatsCommand t && "Endpoint.Processes".equals(t.dataset())) {
                out.add(new Named(d.name(), t));
            }
        }
        if (out.isEmpty()) {
            throw new IllegalStateException(contentFolder + ": no runnable tstats detection over "
                    + "Endpoint.Processes");
        }
        return out;
    }

    /** Returns the detection whose where clause has the most comparisons (each IN value counts as one). */
    static Named largestWhere(List<Named> detections) {
        Named best = null;
        int bestSize = -1;
        for (Named n : detections) {
            int size = comparisons(n.tstats().where());
            if (size > bestSize) {
                best = n;
                bestSize = size;
            }
        }
        return best;
    }

    static int comparisons(SearchExpr e) {
        if (e == null) {
            return 0;
        }
        if (e instanceof SearchExpr.And and) {
            return and.operands().stream().mapToInt(TstatsSearches::comparisons).sum();
        }
        if (e instanceof SearchExpr.Or or) {
            return or.operands().stream().mapToInt(TstatsSearches::comparisons).sum();
        }
        if (e instanceof SearchExpr.Not not) {
            return comparisons(not.operand());
        }
        if (e instanceof SearchExpr.In in) {
            return in.values().size();
        }
        return 1;
    }
}
