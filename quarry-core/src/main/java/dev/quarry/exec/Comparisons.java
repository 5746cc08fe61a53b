package dev.quarry.exec;

import dev.quarry.spl.ast.Expr;

/** Eval comparisons: numeric when both sides read as numbers, case-sensitive strings otherwise. */
final class Comparisons {
    private Comparisons() {
    }

    static Value equal(Value a, Value b) {
        if (a == null || b == null) {
            return null;
        }
        for (Value x : Value.list(a)) {
            for (Value y : Value.list(b)) {
                if (scalarEquals(x, y)) {
                    return new Value.Bool(true);
                }
            }
        }
        return new Value.Bool(false);
    }

    static Value notEqual(Value a, Value b) {
        if (a == null || b == null) {
            return null;
        }
        for (Value x : Value.list(a)) {
            for (Value y : Value.list(b)) {
                if (!scalarEquals(x, y)) {
                    return new Value.Bool(true);
                }
            }
        }
        return new Value.Bool(false);
    }

    static boolean scalarEquals(Value x, Value y) {
        if (x instanceof Value.Bool bx && y instanceof Value.Bool by) {
            return bx.value() == by.value();
        }
        Double nx = Values.toNumber(x);
        Double ny = Values.toNumber(y);
        if (nx != null && ny != null) {
            return nx.doubleValue() == ny.doubleValue();
        }
        return x.text().equals(y.text());
    }

    static Value order(Expr.BinaryOp op, Value a, Value b) {
        if (a == null || b == null) {
            return null;
        }
        for (Value x : Value.list(a)) {
            for (Value y : Value.list(b)) {
                int c = Values.compare(x, y);
                boolean ok = switch (op) {
                    case LT -> c < 0;
                    case LTE -> c <= 0;
                    case GT -> c > 0;
                    case GTE -> c >= 0;
                    default -> throw new IllegalStateException(op.name());
                };
                if (ok) {
                    return new Value.Bool(true);
                }
            }
        }
        return new Value.Bool(false);
    }
}
