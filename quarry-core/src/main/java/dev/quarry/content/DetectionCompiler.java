package dev.quarry.content;

import dev.quarry.plan.PlanException;
import dev.quarry.plan.Planner;
import dev.quarry.spl.Spl;
import dev.quarry.spl.SplSyntaxException;
import dev.quarry.spl.ast.Pipeline;
import dev.quarry.spl.ast.SourceSpan;
import dev.quarry.spl.macro.Expansion;
import dev.quarry.spl.macro.Macro;
import dev.quarry.spl.macro.MacroException;
import dev.quarry.spl.macro.MacroExpander;
import dev.quarry.spl.macro.MacroLibrary;
import java.util.List;

/**
 * Compiles detections: expands macros (a detection's {@code <name>_filter} macro, when nobody defined it, is
 * {@code search *}, as ESCU generates it), parses, and plans. Failures name the detection, the line and column in
 * its search, what was expected and what was found.
 */
public final class DetectionCompiler {
    /** Macros ESCU calls that other Splunk apps define, with the app, for telling users what is missing. */
    private static final java.util.Map<String, String> EXTERNAL_MACROS = java.util.Map.of(
            "get_asset", "Splunk Enterprise Security's asset and identity framework",
            "get_risk_severity", "Splunk Enterprise Security",
            "cim_corporate_web_domain_search", "the Splunk Common Information Model app");

    private final MacroLibrary macros;
    private final Planner planner;

    public DetectionCompiler(MacroLibrary macros, Planner planner) {
        this.macros = macros;
        this.planner = planner;
    }

    public CompiledDetection compile(Detection d) {
        Expansion expansion = null;
        try {
            MacroLibrary library = macros;
            if (!macros.contains(d.filterMacroName(), 0)) {
                library = new MacroLibrary(macros);
                library.add(new Macro(d.filterMacroName(), List.of(), "search *", "default filter"));
            }
            expansion = new MacroExpander(library).expand(d.search());
            Pipeline pipeline = Spl.parseQuery(expansion.text());
            return new CompiledDetection(d, expansion, planner.plan(pipeline), null);
        } catch (MacroException e) {
            String app = e.macroName() == null ? null : EXTERNAL_MACROS.get(e.macroName());
            String location = where(d, Expansion.locate(d.search(), e.offset(), null));
            if (app != null && !macros.contains(e.macroName(), 0) && e.getMessage().startsWith("unknown macro")) {
                return failed(d, expansion, true, location + "not supported: macro `" + e.macroName() + "`, which "
                        + app + " defines");
            }
            return failed(d, expansion, false, location + e.getMessage());
        } catch (SplSyntaxException e) {
            return failed(d, expansion, false, where(d, expansion.locate(e.offset())) + "syntax error: expected "
                    + e.expected() + " but found " + e.found());
        } catch (PlanException e) {
            String prefix = where(d, location(expansion, e.span()));
            return failed(d, expansion, e.unsupported(), prefix + (e.unsupported() ? "not supported: " : "")
                    + e.getMessage());
        } catch (RuntimeException e) {
            return failed(d, expansion, false, where(d, null) + "internal error while compiling: " + e);
        }
    }

    private static Expansion.Location location(Expansion expansion, SourceSpan span) {
        if (expansion == null || span == null || span.isSynthetic()) {
            return null;
        }
        return expansion.locate(span.start());
    }

    private static String where(Detection d, Expansion.Location location) {
        String at = location == null ? "" : location + ": ";
        return "detection '" + d.name() + "': " + at;
    }

    private static CompiledDetection failed(Detection d, Expansion expansion, boolean unsupported, String message) {
        return new CompiledDetection(d, expansion, null, new CompiledDetection.Failure(unsupported, message));
    }
}
