package dev.quarry.exec;

import dev.quarry.spl.ast.SourceSpan;

/**
 * An expression or command that cannot be compiled: an unknown function, a wrong number of arguments, an
 * invalid regular expression. {@code unsupported} is true when the construct is valid SPL that Quarry does not
 * implement, as opposed to an error in the search itself.
 */
public final class CompileException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient SourceSpan span;
    private final boolean unsupported;

    public CompileException(String message, SourceSpan span, boolean unsupported) {
        super(message);
        this.span = span;
        this.unsupported = unsupported;
    }

    public static CompileException unsupported(String message, SourceSpan span) {
        return new CompileException(message, span, true);
    }

    public static CompileException invalid(String message, SourceSpan span) {
        return new CompileException(message, span, false);
    }

    public SourceSpan span() {
        return span;
    }

    public boolean unsupported() {
        return unsupported;
    }
}
