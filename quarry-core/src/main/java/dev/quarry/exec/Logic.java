package dev.quarry.exec;

/** Three-valued boolean logic for eval: null stands for unknown. */
final class Logic {
    private Logic() {
    }

    static Boolean truth(Value v) {
        if (v instanceof Value.Bool b) {
            return b.value();
        }
        return null;
    }

    /** True only for a boolean true; the test {@code where} and {@code if} apply. */
    static boolean isTrue(Value v) {
        return v instanceof Value.Bool b && b.value();
    }

    static Value not(Value v) {
        Boolean t = truth(v);
        return t == null ? null : new Value.Bool(!t);
    }

    static Value and(Evaluator left, Evaluator right, FieldSource fields) {
        Boolean l = truth(left.eval(fields));
        if (Boolean.FALSE.equals(l)) {
            return new Value.Bool(false);
        }
        Boolean r = truth(right.eval(fields));
        if (Boolean.FALSE.equals(r)) {
            return new Value.Bool(false);
        }
        return l == null || r == null ? null : new Value.Bool(true);
    }

    static Value or(Evaluator left, Evaluator right, FieldSource fields) {
        Boolean l = truth(left.eval(fields));
        if (Boolean.TRUE.equals(l)) {
            return new Value.Bool(true);
        }
        Boolean r = truth(right.eval(fields));
        if (Boolean.TRUE.equals(r)) {
            return new Value.Bool(true);
        }
        return l == null || r == null ? null : new Value.Bool(false);
    }

    static Value xor(Value left, Value right) {
        Boolean l = truth(left);
        Boolean r = truth(right);
        return l == null || r == null ? null : new Value.Bool(l ^ r);
    }
}
