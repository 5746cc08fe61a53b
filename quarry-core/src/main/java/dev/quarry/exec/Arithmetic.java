package dev.quarry.exec;

import dev.quarry.spl.ast.Expr;

/** Eval arithmetic and concatenation. Division or modulo by zero gives null, as in Splunk. */
final class Arithmetic {
    private Arithmetic() {
    }

    /** {@code +} adds two numbers, or concatenates two values of which at least one is not a number. */
    static Value add(Value a, Value b) {
        if (a == null || b == null) {
            return null;
        }
        Double x = Values.toNumber(a);
        Double y = Values.toNumber(b);
        if (x != null && y != null) {
            return Value.num(x + y);
        }
        if (a instanceof Value.Num || b instanceof Value.Num) {
            return null;
        }
        return Value.str(Values.toText(a) + Values.toText(b));
    }

    /** {@code .} joins the text of both sides; numbers render as Splunk shows them. */
    static Value concat(Value a, Value b) {
        if (a == null || b == null) {
            return null;
        }
        return Value.str(Values.toText(a) + Values.toText(b));
    }

    static Value numeric(Expr.BinaryOp op, Value a, Value b) {
        Double x = Values.toNumber(a);
        Double y = Values.toNumber(b);
        if (x == null || y == null) {
            return null;
        }
        return switch (op) {
            case SUBTRACT -> Value.num(x - y);
            case MULTIPLY -> Value.num(x * y);
            case DIVIDE -> y == 0 ? null : Value.num(x / y);
            case MODULO -> y == 0 ? null : Value.num(x % y);
            default -> throw new IllegalStateException(op.name());
        };
    }
}
