package dev.quarry.exec;

import dev.quarry.spl.ast.Expr;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Multivalue eval functions: mvcount, mvindex, mvjoin, mvappend, mvdedup, mvfind, mvzip, mvfilter, mvmap, mvsort. */
final class MultivalueFunctions {
    private MultivalueFunctions() {
    }

    /** Returns the compiled function, or null when {@code call} is not a multivalue function. */
    static Evaluator compile(Expr.Call call, EvalCompiler compiler) {
        List<Expr> args = call.arguments();
        switch (call.name()) {
            case "mvcount" -> {
                EvalFunctions.arity(call, 1, 1);
                Evaluator x = compiler.compile(args.get(0));
                return fields -> {
                    Value v = x.eval(fields);
                    return v == null ? null : Value.num(Value.list(v).size());
                };
            }
            case "mvindex" -> {
                EvalFunctions.arity(call, 2, 3);
                Evaluator x = compiler.compile(args.get(0));
                Evaluator start = compiler.compile(args.get(1));
                Evaluator end = args.size() > 2 ? compiler.compile(args.get(2)) : null;
                return fields -> mvindex(x.eval(fields), Values.toNumber(start.eval(fields)),
                        end == null ? null : Values.toNumber(end.eval(fields)), end != null);
            }
            case "mvjoin" -> {
                EvalFunctions.arity(call, 2, 2);
                Evaluator x = compiler.compile(args.get(0));
                Evaluator d = compiler.compile(args.get(1));
                return fields -> {
                    Value v = x.eval(fields);
                    String delimiter = Values.toText(d.eval(fields));
                    if (v == null || delimiter == null) {
                        return null;
                    }
                    List<String> texts = new ArrayList<>();
                    for (Value one : Value.list(v)) {
                        texts.add(one.text());
                    }
                    return Value.str(String.join(delimiter, texts));
                };
            }
            case "mvappend" -> {
                List<Evaluator> parts = compiler.compileAll(args);
                return fields -> {
                    List<Value> out = new ArrayList<>();
                    for (Evaluator e : parts) {
                        out.addAll(Value.list(e.eval(fields)));
                    }
                    return Value.ofValues(out);
                };
            }
            case "mvdedup" -> {
                EvalFunctions.arity(call, 1, 1);
                Evaluator x = compiler.compile(args.get(0));
                return fields -> {
                    Value v = x.eval(fields);
                    return v == null ? null : Value.ofValues(EvalFunctions.distinct(Value.list(v)));
                };
            }
            case "mvsort" -> {
                EvalFunctions.arity(call, 1, 1);
                Evaluator x = compiler.compile(args.get(0));
                return fields -> {
                    Value v = x.eval(fields);
                    if (v == null) {
                        return null;
                    }
                    List<Value> sorted = new ArrayList<>(Value.list(v));
                    sorted.sort((a, b) -> Values.compareText(a.text(), b.text()));
                    return Value.ofValues(sorted);
                };
            }
            case "mvfind" -> {
                EvalFunctions.arity(call, 2, 2);
                Evaluator x = compiler.compile(args.get(0));
                Regexes.Compiled regex = EvalFunctions.literalRegex(call, args.get(1));
                Evaluator dynamicRegex = regex == null ? compiler.compile(args.get(1)) : null;
                return fields -> {
                    Value v = x.eval(fields);
                    Regexes.Compiled re = regex != null ? regex : EvalFunctions.dynamic(dynamicRegex, fields);
                    if (v == null || re == null) {
                        return null;
                    }
                    List<Value> values = Value.list(v);
                    for (int i = 0; i < values.size(); i++) {
                        try {
                            if (Regexes.find(re, values.get(i).text())) {
                                return Value.num(i);
                            }
                        } catch (Regexes.BudgetExceeded e) {
                            return null;
                        }
                    }
                    return null;
                };
            }
            case "mvzip" -> {
                EvalFunctions.arity(call, 2, 3);
                Evaluator a = compiler.compile(args.get(0));
                Evaluator b = compiler.compile(args.get(1));
                Evaluator d = args.size() > 2 ? compiler.compile(args.get(2)) : null;
                return fields -> {
                    Value x = a.eval(fields);
                    Value y = b.eval(fields);
                    String delimiter = d == null ? "," : Values.toText(d.eval(fields));
                    if (x == null || y == null || delimiter == null) {
                        return null;
                    }
                    List<Value> xs = Value.list(x);
                    List<Value> ys = Value.list(y);
                    List<Value> out = new ArrayList<>();
                    for (int i = 0; i < Math.min(xs.size(), ys.size()); i++) {
                        out.add(Value.str(xs.get(i).text() + delimiter + ys.get(i).text()));
                    }
                    return Value.ofValues(out);
                };
            }
            case "mvfilter" -> {
                EvalFunctions.arity(call, 1, 1);
                return perValue(call, args.get(0), null, compiler, true);
            }
            case "mvmap" -> {
                EvalFunctions.arity(call, 2, 2);
                return perValue(call, args.get(1), args.get(0), compiler, false);
            }
            default -> {
                return null;
            }
        }
    }

    /**
     * mvindex: 0-based, negative indexes count from the end, the end index is inclusive; out of range gives null.
     */
    private static Value mvindex(Value v, Double start, Double end, boolean ranged) {
        if (v == null || start == null || (ranged && end == null)) {
            return null;
        }
        List<Value> values = Value.list(v);
        int n = values.size();
        int s = start.intValue() < 0 ? n + start.intValue() : start.intValue();
        if (s < 0 || s >= n) {
            return null;
        }
        if (!ranged) {
            return values.get(s);
        }
        int e = end.intValue() < 0 ? n + end.intValue() : end.intValue();
        e = Math.min(e, n - 1);
        if (e < s) {
            return null;
        }
        return Value.ofValues(values.subList(s, e + 1));
    }

    /**
     * mvfilter(expr) keeps the values of the one field that {@code expr} reads for which it is true;
     * mvmap(field, expr) replaces each value of {@code field} with {@code expr} evaluated on it.
     */
    private static Evaluator perValue(Expr.Call call, Expr body, Expr target, EvalCompiler compiler, boolean filter) {
        String field;
        if (target != null) {
            if (!(target instanceof Expr.FieldRef ref)) {
                throw EvalCompiler.error("mvmap() needs a field as its first argument", call.span());
            }
            field = ref.name();
        } else {
            Set<String> fields = new HashSet<>();
            collectFields(body, fields);
            if (fields.size() != 1) {
                throw EvalCompiler.error("mvfilter() must read exactly one field, found " + fields.size(), call.span());
            }
            field = fields.iterator().next();
        }
        Evaluator e = compiler.compile(body);
        return fields -> {
            Value v = fields.get(field);
            if (v == null) {
                return null;
            }
            List<Value> out = new ArrayList<>();
            for (Value one : Value.list(v)) {
                FieldSource single = name -> name.equals(field) ? one : fields.get(name);
                Value r = e.eval(single);
                if (filter) {
                    if (Logic.isTrue(r)) {
                        out.add(one);
                    }
                } else if (r != null) {
                    out.addAll(Value.list(r));
                }
            }
            return Value.ofValues(out);
        };
    }

    static void collectFields(Expr e, Set<String> out) {
        if (e instanceof Expr.FieldRef f) {
            out.add(f.name());
        } else if (e instanceof Expr.Call c) {
            c.arguments().forEach(a -> collectFields(a, out));
        } else if (e instanceof Expr.Unary u) {
            collectFields(u.operand(), out);
        } else if (e instanceof Expr.Binary b) {
            collectFields(b.left(), out);
            collectFields(b.right(), out);
        } else if (e instanceof Expr.InList in) {
            collectFields(in.value(), out);
            in.candidates().forEach(a -> collectFields(a, out));
        } else if (e instanceof Expr.Like l) {
            collectFields(l.value(), out);
            collectFields(l.pattern(), out);
        }
    }
}
