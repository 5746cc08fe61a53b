package dev.quarry.exec;

import dev.quarry.spl.ast.Expr;
import java.util.List;
import java.util.function.DoubleUnaryOperator;

/** Numeric eval functions: round, floor, ceiling, abs, pow, sqrt, exp, ln, log, min, max, pi, exact. */
final class MathFunctions {
    private MathFunctions() {
    }

    /** Returns the compiled function, or null when {@code call} is not a math function. */
    static Evaluator compile(Expr.Call call, EvalCompiler compiler) {
        List<Expr> args = call.arguments();
        switch (call.name()) {
            case "round" -> {
                EvalFunctions.arity(call, 1, 2);
                Evaluator x = compiler.compile(args.get(0));
                Evaluator digits = args.size() > 1 ? compiler.compile(args.get(1)) : null;
                return fields -> {
                    Double d = Values.toNumber(x.eval(fields));
                    Double n = digits == null ? Double.valueOf(0) : Values.toNumber(digits.eval(fields));
                    return d == null || n == null ? null : Value.num(EvalFunctions.round(d, n.intValue()));
                };
            }
            case "floor" -> {
                return unary(call, compiler, Math::floor);
            }
            case "ceiling", "ceil" -> {
                return unary(call, compiler, Math::ceil);
            }
            case "abs" -> {
                return unary(call, compiler, Math::abs);
            }
            case "sqrt" -> {
                return unary(call, compiler, d -> d < 0 ? Double.NaN : Math.sqrt(d));
            }
            case "exp" -> {
                return unary(call, compiler, Math::exp);
            }
            case "ln" -> {
                return unary(call, compiler, Math::log);
            }
            case "exact" -> {
                return unary(call, compiler, d -> d);
            }
            case "log" -> {
                EvalFunctions.arity(call, 1, 2);
                Evaluator x = compiler.compile(args.get(0));
                Evaluator base = args.size() > 1 ? compiler.compile(args.get(1)) : null;
                return fields -> {
                    Double d = Values.toNumber(x.eval(fields));
                    Double b = base == null ? Double.valueOf(10) : Values.toNumber(base.eval(fields));
                    return d == null || b == null ? null : Value.num(Math.log(d) / Math.log(b));
                };
            }
            case "pow" -> {
                EvalFunctions.arity(call, 2, 2);
                Evaluator x = compiler.compile(args.get(0));
                Evaluator y = compiler.compile(args.get(1));
                return fields -> {
                    Double a = Values.toNumber(x.eval(fields));
                    Double b = Values.toNumber(y.eval(fields));
                    return a == null || b == null ? null : Value.num(Math.pow(a, b));
                };
            }
            case "pi" -> {
                EvalFunctions.arity(call, 0, 0);
                Value pi = Value.num(Math.PI);
                return fields -> pi;
            }
            case "min", "max" -> {
                EvalFunctions.arity(call, 1, Integer.MAX_VALUE);
                List<Evaluator> parts = compiler.compileAll(args);
                boolean max = call.name().equals("max");
                return fields -> extreme(parts, fields, max);
            }
            default -> {
                return null;
            }
        }
    }

    private static Evaluator unary(Expr.Call call, EvalCompiler compiler, DoubleUnaryOperator op) {
        EvalFunctions.arity(call, 1, 1);
        Evaluator x = compiler.compile(call.arguments().get(0));
        return fields -> {
            Double d = Values.toNumber(x.eval(fields));
            return d == null ? null : Value.num(op.applyAsDouble(d));
        };
    }

    /**
     * min()/max() over all values of all arguments: numbers compare numerically and sort before strings, which
     * compare lexicographically; nulls are skipped.
     */
    private static Value extreme(List<Evaluator> parts, FieldSource fields, boolean max) {
        Value best = null;
        for (Evaluator e : parts) {
            for (Value v : Value.list(e.eval(fields))) {
                if (best == null) {
                    best = v;
                    continue;
                }
                int c = orderNumbersFirst(v, best);
                if (max ? c > 0 : c < 0) {
                    best = v;
                }
            }
        }
        return best;
    }

    private static int orderNumbersFirst(Value a, Value b) {
        boolean na = Values.isNumeric(a);
        boolean nb = Values.isNumeric(b);
        if (na && nb) {
            return Double.compare(Values.toNumber(a), Values.toNumber(b));
        }
        if (na != nb) {
            return na ? -1 : 1;
        }
        return Values.compareText(Values.toText(a), Values.toText(b));
    }
}
