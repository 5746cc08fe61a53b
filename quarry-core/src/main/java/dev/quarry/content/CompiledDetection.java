package dev.quarry.content;

import dev.quarry.plan.QueryPlan;
import dev.quarry.spl.macro.Expansion;

/**
 * A detection after macro expansion, parsing and planning. Exactly one of {@code plan} and {@code failure} is
 * set: a detection that cannot run carries the reason, never disappears.
 */
public record CompiledDetection(Detection detection, Expansion expansion, QueryPlan plan, Failure failure) {
    /** Why a detection cannot run: {@code unsupported} for valid SPL Quarry lacks, otherwise an error. */
    public record Failure(boolean unsupported, String message) {
    }

    public boolean runnable() {
        return plan != null;
    }

    public String status() {
        if (plan != null) {
            return "ok";
        }
        return failure.unsupported() ? "unsupported" : "error";
    }
}
