package dev.quarry.exec;

import dev.quarry.spl.ast.Expr;
import dev.quarry.spl.ast.SourceSpan;
import java.util.ArrayList;
import java.util.List;

/**
 * Compiles eval expressions into {@link Evaluator}s. Semantics follow Splunk's eval:
 * <ul>
 *   <li>String comparison is case-sensitive; two values that both read as numbers compare as numbers.</li>
 *   <li>A comparison, arithmetic or function given a null operand returns null, except the null-aware
 *       functions ({@code isnull}, {@code isnotnull}, {@code coalesce}, {@code if}, {@code case},
 *       {@code null}, {@code mvappend}, {@code mvcount}, {@code typeof}).</li>
 *   <li>{@code AND}, {@code OR} and {@code NOT} use three-valued logic: null is unknown, so
 *       {@code null AND false} is false and {@code null OR true} is true.</li>
 *   <li>A comparison with a multivalue operand is true when any of its values satisfies it.</li>
 * </ul>
 */
public final class EvalCompiler {
    private final EvalContext context;

    public EvalCompiler(EvalContext context) {
        this.context = context;
    }

    public Evaluator compile(Expr expr) {
        if (expr instanceof Expr.StringLiteral s) {
            Value v = Value.str(s.value());
            return fields -> v;
        }
        if (expr instanceof Expr.NumberLiteral n) {
            Value v = Value.num(n.value());
            return fields -> v;
        }
        if (expr instanceof Expr.FieldRef f) {
            String name = f.name();
            return fields -> fields.get(name);
        }
        if (expr instanceof Expr.Unary u) {
            return unary(u);
        }
        if (expr instanceof Expr.Binary b) {
            return binary(b);
        }
        if (expr instanceof Expr.InList in) {
            return inList(in);
        }
        if (expr instanceof Expr.Like like) {
            Evaluator value = compile(like.value());
            Evaluator pattern = compile(like.pattern());
            boolean negated = like.negated();
            return fields -> {
                Value r = EvalFunctions.like(value.eval(fields), pattern.eval(fields));
                return negated ? Logic.not(r) : r;
            };
        }
        if (expr instanceof Expr.Call call) {
            return EvalFunctions.compile(call, this);
        }
        throw new IllegalStateException("unhandled expression " + expr.getClass().getSimpleName());
    }

    EvalContext context() {
        return context;
    }

    List<Evaluator> compileAll(List<Expr> exprs) {
        List<Evaluator> out = new ArrayList<>(exprs.size());
        for (Expr e : exprs) {
            out.add(compile(e));
        }
        return out;
    }

    private Evaluator unary(Expr.Unary u) {
        Evaluator operand = compile(u.operand());
        if (u.op() == Expr.UnaryOp.NOT) {
            return fields -> Logic.not(operand.eval(fields));
        }
        return fields -> {
            Double d = Values.toNumber(operand.eval(fields));
            return d == null ? null : Value.num(-d);
        };
    }

    private Evaluator binary(Expr.Binary b) {
        Evaluator left = compile(b.left());
        Evaluator right = compile(b.right());
        return switch (b.op()) {
            case AND -> fields -> Logic.and(left, right, fields);
            case OR -> fields -> Logic.or(left, right, fields);
            case XOR -> fields -> Logic.xor(left.eval(fields), right.eval(fields));
            case EQ -> fields -> Comparisons.equal(left.eval(fields), right.eval(fields));
            case NEQ -> fields -> Comparisons.notEqual(left.eval(fields), right.eval(fields));
            case LT, LTE, GT, GTE -> fields -> Comparisons.order(b.op(), left.eval(fields), right.eval(fields));
            case CONCAT -> fields -> Arithmetic.concat(left.eval(fields), right.eval(fields));
            case ADD -> fields -> Arithmetic.add(left.eval(fields), right.eval(fields));
            case SUBTRACT, MULTIPLY, DIVIDE, MODULO ->
                fields -> Arithmetic.numeric(b.op(), left.eval(fields), right.eval(fields));
        };
    }

    private Evaluator inList(Expr.InList in) {
        Evaluator value = compile(in.value());
        List<Evaluator> candidates = compileAll(in.candidates());
        boolean negated = in.negated();
        return fields -> {
            Value v = value.eval(fields);
            if (v == null) {
                return null;
            }
            boolean found = false;
            for (Evaluator c : candidates) {
                if (Comparisons.equal(v, c.eval(fields)) instanceof Value.Bool bool && bool.value()) {
                    found = true;
                    break;
                }
            }
            return new Value.Bool(negated != found);
        };
    }

    /** Fails compilation with the span of the offending expression. */
    static CompileException error(String message, SourceSpan span) {
        return CompileException.invalid(message, span);
    }
}
