package dev.quarry.plan;

import dev.quarry.spl.ast.SourceSpan;

/**
 * A search that cannot be planned. {@code unsupported} is true for valid SPL that Quarry does not execute yet
 * (the message names the command, function or option); false for an error in the search itself.
 */
public final class PlanException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceSpan span;
    private final boolean unsupported;

    public PlanException(String message, SourceSpan span, boolean unsupported) {
        super(message);
        this.span = span == null ? SourceSpan.SYNTHETIC : span;
        this.unsupported = unsupported;
    }

    public static PlanException unsupported(String message, SourceSpan span) {
        return new PlanException(message, span, true);
    }

    public static PlanException invalid(String message, SourceSpan span) {
        return new PlanException(message, span, false);
    }

    public SourceSpan span() {
        return span;
    }

    public boolean unsupported() {
        return unsupported;
    }
}
