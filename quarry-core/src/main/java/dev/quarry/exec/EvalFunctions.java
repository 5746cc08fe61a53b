package dev.quarry.exec;

import dev.quarry.spl.Spl;
import dev.quarry.spl.SplSyntaxException;
import dev.quarry.spl.ast.Expr;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;

/** The eval functions, by lowercase name. Each one checks its argument count when compiled. */
final class EvalFunctions {
    /** Every function name {@link #compile} accepts, for content checks and error messages. */
    static final Set<String> NAMES = Set.of("if", "case", "coalesce", "null", "true", "false", "isnull", "isnotnull",
            "isnum", "isint", "isstr", "typeof", "match", "like", "in", "searchmatch", "cidrmatch", "len", "lower",
            "upper", "trim", "ltrim", "rtrim", "substr", "replace", "split", "urldecode", "tostring", "tonumber",
            "mvcount", "mvindex", "mvjoin", "mvappend", "mvdedup", "mvfind", "mvzip", "mvfilter", "mvmap", "mvsort",
            "round", "floor", "ceiling", "ceil", "abs", "pow", "sqrt", "exp", "ln", "log", "min", "max", "pi",
            "exact", "strftime", "strptime", "relative_time", "now", "time", "md5", "sha1", "sha256", "sha512");

    private EvalFunctions() {
    }

    static Evaluator compile(Expr.Call call, EvalCompiler compiler) {
        String name = call.name();
        List<Expr> args = call.arguments();
        switch (name) {
            case "if" -> {
                arity(call, 3, 3);
                Evaluator c = compiler.compile(args.get(0));
                Evaluator t = compiler.compile(args.get(1));
                Evaluator f = compiler.compile(args.get(2));
                return fields -> Logic.isTrue(c.eval(fields)) ? t.eval(fields) : f.eval(fields);
            }
            case "case" -> {
                if (args.isEmpty() || args.size() % 2 != 0) {
                    throw EvalCompiler.error("case() takes pairs of condition and value, found " + args.size()
                            + " arguments", call.span());
                }
                List<Evaluator> parts = compiler.compileAll(args);
                return fields -> {
                    for (int i = 0; i < parts.size(); i += 2) {
                        if (Logic.isTrue(parts.get(i).eval(fields))) {
                            return parts.get(i + 1).eval(fields);
                        }
                    }
                    return null;
                };
            }
            case "coalesce" -> {
                arity(call, 1, Integer.MAX_VALUE);
                List<Evaluator> parts = compiler.compileAll(args);
                return fields -> {
                    for (Evaluator e : parts) {
                        Value v = e.eval(fields);
                        if (v != null) {
                            return v;
                        }
                    }
                    return null;
                };
            }
            case "null" -> {
                arity(call, 0, 0);
                return fields -> null;
            }
            case "true", "false" -> {
                arity(call, 0, 0);
                Value v = new Value.Bool(name.equals("true"));
                return fields -> v;
            }
            case "isnull", "isnotnull" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                boolean wantNull = name.equals("isnull");
                return fields -> new Value.Bool((e.eval(fields) == null) == wantNull);
            }
            case "isnum", "isint", "isstr" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                return fields -> {
                    Value v = e.eval(fields);
                    Double d = Values.toNumber(v);
                    return new Value.Bool(switch (name) {
                        case "isnum" -> d != null;
                        case "isint" -> d != null && d == Math.rint(d) && !Values.toText(v).contains(".");
                        default -> v != null && !(v instanceof Value.Bool) && d == null;
                    });
                };
            }
            case "typeof" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                return fields -> {
                    Value v = e.eval(fields);
                    if (v == null) {
                        return Value.str("Invalid");
                    }
                    if (v instanceof Value.Bool) {
                        return Value.str("Boolean");
                    }
                    return Value.str(Values.isNumeric(v) ? "Number" : "String");
                };
            }
            case "match" -> {
                arity(call, 2, 2);
                return regexPredicate(call, compiler);
            }
            case "like" -> {
                arity(call, 2, 2);
                Evaluator s = compiler.compile(args.get(0));
                Evaluator p = compiler.compile(args.get(1));
                return fields -> like(s.eval(fields), p.eval(fields));
            }
            case "in" -> {
                arity(call, 2, Integer.MAX_VALUE);
                Evaluator v = compiler.compile(args.get(0));
                List<Evaluator> candidates = compiler.compileAll(args.subList(1, args.size()));
                return fields -> {
                    Value x = v.eval(fields);
                    if (x == null) {
                        return null;
                    }
                    for (Evaluator c : candidates) {
                        if (Logic.isTrue(Comparisons.equal(x, c.eval(fields)))) {
                            return new Value.Bool(true);
                        }
                    }
                    return new Value.Bool(false);
                };
            }
            case "searchmatch" -> {
                arity(call, 1, 1);
                if (!(args.get(0) instanceof Expr.StringLiteral s)) {
                    throw CompileException.unsupported("searchmatch() needs a literal search string", call.span());
                }
                RowPredicate predicate;
                try {
                    predicate = SearchPredicates.compile(Spl.parseSearch(s.value()));
                } catch (SplSyntaxException e) {
                    throw EvalCompiler.error("searchmatch() argument is not a valid search: " + e.getMessage(),
                            call.span());
                }
                return fields -> new Value.Bool(predicate.test(fields));
            }
            case "cidrmatch" -> {
                arity(call, 2, 2);
                Evaluator cidr = compiler.compile(args.get(0));
                Evaluator ip = compiler.compile(args.get(1));
                return fields -> {
                    Value c = cidr.eval(fields);
                    Value i = ip.eval(fields);
                    if (c == null || i == null) {
                        return null;
                    }
                    for (Value one : Value.list(i)) {
                        if (Cidr.matches(Values.toText(c), one.text())) {
                            return new Value.Bool(true);
                        }
                    }
                    return new Value.Bool(false);
                };
            }
            case "len" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                return fields -> {
                    String s = Values.toText(e.eval(fields));
                    return s == null ? null : Value.num(s.codePointCount(0, s.length()));
                };
            }
            case "lower", "upper" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                boolean lower = name.equals("lower");
                return fields -> mapValues(e.eval(fields), v -> Value.str(lower
                        ? v.text().toLowerCase(Locale.ROOT) : v.text().toUpperCase(Locale.ROOT)));
            }
            case "trim", "ltrim", "rtrim" -> {
                arity(call, 1, 2);
                Evaluator e = compiler.compile(args.get(0));
                Evaluator chars = args.size() > 1 ? compiler.compile(args.get(1)) : null;
                return fields -> {
                    String s = Values.toText(e.eval(fields));
                    if (s == null) {
                        return null;
                    }
                    String set = chars == null ? " \t" : Values.toText(chars.eval(fields));
                    if (set == null) {
                        return null;
                    }
                    return Value.str(Text.trim(s, set, !name.equals("rtrim"), !name.equals("ltrim")));
                };
            }
            case "substr" -> {
                arity(call, 2, 3);
                Evaluator s = compiler.compile(args.get(0));
                Evaluator start = compiler.compile(args.get(1));
                Evaluator length = args.size() > 2 ? compiler.compile(args.get(2)) : null;
                return fields -> {
                    String text = Values.toText(s.eval(fields));
                    Double from = Values.toNumber(start.eval(fields));
                    Double len = length == null ? null : Values.toNumber(length.eval(fields));
                    if (text == null || from == null || (length != null && len == null)) {
                        return null;
                    }
                    return Value.str(Text.substr(text, from.longValue(), len == null ? null : len.longValue()));
                };
            }
            case "replace" -> {
                arity(call, 3, 3);
                Evaluator s = compiler.compile(args.get(0));
                Regexes.Compiled regex = literalRegex(call, args.get(1));
                Evaluator dynamicRegex = regex == null ? compiler.compile(args.get(1)) : null;
                Evaluator replacement = compiler.compile(args.get(2));
                return fields -> {
                    Value v = s.eval(fields);
                    String repl = Values.toText(replacement.eval(fields));
                    if (v == null || repl == null) {
                        return null;
                    }
                    Regexes.Compiled re = regex != null ? regex : dynamic(dynamicRegex, fields);
                    if (re == null) {
                        return null;
                    }
                    String javaRepl = Regexes.replacement(repl);
                    return mapValues(v, one -> {
                        try {
                            return Value.str(Regexes.matcher(re, one.text()).replaceAll(javaRepl));
                        } catch (Regexes.BudgetExceeded | IndexOutOfBoundsException | IllegalArgumentException e) {
                            return null;
                        }
                    });
                };
            }
            case "split" -> {
                arity(call, 2, 2);
                Evaluator s = compiler.compile(args.get(0));
                Evaluator d = compiler.compile(args.get(1));
                return fields -> {
                    String text = Values.toText(s.eval(fields));
                    String delim = Values.toText(d.eval(fields));
                    if (text == null || delim == null) {
                        return null;
                    }
                    return Value.ofStrings(Text.split(text, delim));
                };
            }
            case "urldecode" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                return fields -> {
                    String s = Values.toText(e.eval(fields));
                    if (s == null) {
                        return null;
                    }
                    try {
                        return Value.str(URLDecoder.decode(s.replace("+", "%2B"), StandardCharsets.UTF_8));
                    } catch (IllegalArgumentException ex) {
                        return Value.str(s);
                    }
                };
            }
            case "tostring" -> {
                arity(call, 1, 2);
                Evaluator e = compiler.compile(args.get(0));
                Evaluator f = args.size() > 1 ? compiler.compile(args.get(1)) : null;
                return fields -> Conversions.toStringValue(e.eval(fields), f == null ? null
                        : Values.toText(f.eval(fields)));
            }
            case "tonumber" -> {
                arity(call, 1, 2);
                Evaluator e = compiler.compile(args.get(0));
                Evaluator b = args.size() > 1 ? compiler.compile(args.get(1)) : null;
                return fields -> {
                    Value v = e.eval(fields);
                    Double base = b == null ? Double.valueOf(10) : Values.toNumber(b.eval(fields));
                    if (v == null || base == null) {
                        return null;
                    }
                    return Conversions.toNumber(Values.toText(v), base.intValue());
                };
            }
            case "now" -> {
                arity(call, 0, 0);
                Value now = Value.num(compiler.context().nowSeconds());
                return fields -> now;
            }
            case "time" -> {
                arity(call, 0, 0);
                return fields -> Value.num(System.currentTimeMillis() / 1000.0);
            }
            case "strftime" -> {
                arity(call, 2, 2);
                Evaluator t = compiler.compile(args.get(0));
                Evaluator f = compiler.compile(args.get(1));
                return fields -> {
                    Double seconds = Values.toNumber(t.eval(fields));
                    String format = Values.toText(f.eval(fields));
                    return seconds == null || format == null ? null : Value.str(TimeFormat.format(seconds, format));
                };
            }
            case "strptime" -> {
                arity(call, 2, 2);
                Evaluator s = compiler.compile(args.get(0));
                Evaluator f = compiler.compile(args.get(1));
                return fields -> {
                    String text = Values.toText(s.eval(fields));
                    String format = Values.toText(f.eval(fields));
                    if (text == null || format == null) {
                        return null;
                    }
                    Double parsed = TimeFormat.parse(text, format);
                    return parsed == null ? null : Value.num(parsed);
                };
            }
            case "relative_time" -> {
                arity(call, 2, 2);
                Evaluator t = compiler.compile(args.get(0));
                Evaluator spec = compiler.compile(args.get(1));
                return fields -> {
                    Double seconds = Values.toNumber(t.eval(fields));
                    String s = Values.toText(spec.eval(fields));
                    if (seconds == null || s == null) {
                        return null;
                    }
                    Double r = RelativeTime.apply(seconds, s);
                    return r == null ? null : Value.num(r);
                };
            }
            case "md5", "sha1", "sha256", "sha512" -> {
                arity(call, 1, 1);
                Evaluator e = compiler.compile(args.get(0));
                String algorithm = switch (name) {
                    case "md5" -> "MD5";
                    case "sha1" -> "SHA-1";
                    case "sha256" -> "SHA-256";
                    default -> "SHA-512";
                };
                return fields -> {
                    String s = Values.toText(e.eval(fields));
                    return s == null ? null : Value.str(digest(algorithm, s));
                };
            }
            default -> {
                Evaluator math = MathFunctions.compile(call, compiler);
                if (math != null) {
                    return math;
                }
                Evaluator mv = MultivalueFunctions.compile(call, compiler);
                if (mv != null) {
                    return mv;
                }
                throw CompileException.unsupported("eval function " + name + "() is not supported", call.span());
            }
        }
    }

    static void arity(Expr.Call call, int min, int max) {
        int n = call.arguments().size();
        if (n < min || n > max) {
            String expected = min == max ? String.valueOf(min)
                    : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
            throw EvalCompiler.error(call.name() + "() takes " + expected + " argument" + (max == 1 ? "" : "s")
                    + ", found " + n, call.span());
        }
    }

    /** Compiles a literal pattern argument now, so an invalid pattern is a compile error; null if not literal. */
    static Regexes.Compiled literalRegex(Expr.Call call, Expr arg) {
        if (!(arg instanceof Expr.StringLiteral s)) {
            return null;
        }
        try {
            return Regexes.compile(s.value());
        } catch (PatternSyntaxException e) {
            throw EvalCompiler.error(call.name() + "(): invalid regular expression [" + s.value() + "]: "
                    + e.getDescription(), call.span());
        }
    }

    static Regexes.Compiled dynamic(Evaluator pattern, FieldSource fields) {
        String p = Values.toText(pattern.eval(fields));
        if (p == null) {
            return null;
        }
        try {
            return Regexes.compile(p);
        } catch (PatternSyntaxException e) {
            return null;
        }
    }

    private static Evaluator regexPredicate(Expr.Call call, EvalCompiler compiler) {
        Evaluator s = compiler.compile(call.arguments().get(0));
        Regexes.Compiled regex = literalRegex(call, call.arguments().get(1));
        Evaluator dynamicRegex = regex == null ? compiler.compile(call.arguments().get(1)) : null;
        return fields -> {
            Value v = s.eval(fields);
            if (v == null) {
                return null;
            }
            Regexes.Compiled re = regex != null ? regex : dynamic(dynamicRegex, fields);
            if (re == null) {
                return null;
            }
            for (Value one : Value.list(v)) {
                try {
                    if (Regexes.find(re, one.text())) {
                        return new Value.Bool(true);
                    }
                } catch (Regexes.BudgetExceeded e) {
                    return null;
                }
            }
            return new Value.Bool(false);
        };
    }

    /** SQL LIKE: {@code %} any run, {@code _} one character, whole value, case-sensitive. */
    static Value like(Value value, Value pattern) {
        if (value == null || pattern == null) {
            return null;
        }
        String p = Values.toText(pattern);
        Regexes.Compiled re = Regexes.compile(likeToRegex(p));
        for (Value one : Value.list(value)) {
            Matcher m = Regexes.matcher(re, one.text());
            try {
                if (m.matches()) {
                    return new Value.Bool(true);
                }
            } catch (Regexes.BudgetExceeded e) {
                return null;
            }
        }
        return new Value.Bool(false);
    }

    static String likeToRegex(String pattern) {
        StringBuilder sb = new StringBuilder("(?s)");
        StringBuilder literal = new StringBuilder();
        for (int i = 0; i < pattern.length(); i++) {
            char c = pattern.charAt(i);
            if (c == '%' || c == '_') {
                if (literal.length() > 0) {
                    sb.append(java.util.regex.Pattern.quote(literal.toString()));
                    literal.setLength(0);
                }
                sb.append(c == '%' ? ".*" : ".");
            } else {
                literal.append(c);
            }
        }
        if (literal.length() > 0) {
            sb.append(java.util.regex.Pattern.quote(literal.toString()));
        }
        return sb.toString();
    }

    /** Applies a function to each value of a field, dropping null results; null in, null out. */
    static Value mapValues(Value v, java.util.function.Function<Value, Value> f) {
        if (v == null) {
            return null;
        }
        if (v instanceof Value.Multi m) {
            List<Value> out = new ArrayList<>(m.values().size());
            for (Value one : m.values()) {
                Value r = f.apply(one);
                if (r != null) {
                    out.add(r);
                }
            }
            return Value.ofValues(out);
        }
        return f.apply(v);
    }

    private static String digest(String algorithm, String s) {
        try {
            MessageDigest md = MessageDigest.getInstance(algorithm);
            return HexFormat.of().formatHex(md.digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK lacks " + algorithm, e);
        }
    }

    /** Rounds half away from zero to {@code digits} decimals, as Splunk's round() does. */
    static double round(double x, int digits) {
        if (Double.isNaN(x) || Double.isInfinite(x)) {
            return x;
        }
        return new BigDecimal(Double.toString(x)).setScale(digits, RoundingMode.HALF_UP).doubleValue();
    }

    /** Distinct values in first-seen order. */
    static List<Value> distinct(List<Value> values) {
        LinkedHashSet<String> seen = new LinkedHashSet<>();
        List<Value> out = new ArrayList<>();
        for (Value v : values) {
            if (seen.add(v.text())) {
                out.add(v);
            }
        }
        return out;
    }
}
