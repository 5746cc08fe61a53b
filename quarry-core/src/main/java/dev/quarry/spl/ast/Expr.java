package dev.quarry.spl.ast;

import java.util.List;

/** An eval expression, as used by {@code eval}, {@code where} and {@code stats ... eval(...)}. */
public sealed interface Expr {
    SourceSpan span();

    /** A double-quoted string literal, unescaped one level. */
    record StringLiteral(String value, SourceSpan span) implements Expr {
    }

    /** A number literal with its source text, so that {@code 1.0} and {@code 1} keep their spelling. */
    record NumberLiteral(double value, String text, SourceSpan span) implements Expr {
    }

    /** A field, named bare ({@code count}) or in single quotes ({@code 'Processes.process'}). */
    record FieldRef(String name, SourceSpan span) implements Expr {
    }

    /** A function call; {@code name} is lowercase because eval function names are case-insensitive. */
    record Call(String name, List<Expr> arguments, SourceSpan span) implements Expr {
        public Call {
            arguments = List.copyOf(arguments);
        }
    }

    record Unary(UnaryOp op, Expr operand, SourceSpan span) implements Expr {
    }

    record Binary(BinaryOp op, Expr left, Expr right, SourceSpan span) implements Expr {
    }

    /** {@code x [NOT] IN (a, b, ...)}: exact, case-sensitive membership without wildcards. */
    record InList(Expr value, List<Expr> candidates, boolean negated, SourceSpan span) implements Expr {
        public InList {
            candidates = List.copyOf(candidates);
        }
    }

    /** {@code x [NOT] LIKE pattern} with SQL wildcards {@code %} and {@code _}. */
    record Like(Expr value, Expr pattern, boolean negated, SourceSpan span) implements Expr {
    }

    enum UnaryOp {
        NOT, NEGATE
    }

    enum BinaryOp {
        MULTIPLY("*"), DIVIDE("/"), MODULO("%"), ADD("+"), SUBTRACT("-"), CONCAT("."),
        LT("<"), LTE("<="), GT(">"), GTE(">="), EQ("="), NEQ("!="), AND("AND"), OR("OR"), XOR("XOR");

        private final String symbol;

        BinaryOp(String symbol) {
            this.symbol = symbol;
        }

        public String symbol() {
            return symbol;
        }
    }
}
