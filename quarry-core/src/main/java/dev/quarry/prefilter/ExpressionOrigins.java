package dev.quarry.prefilter;

import dev.quarry.spl.ast.Expr;
import java.util.List;
import java.util.function.Function;

/**
 * Works out where the value of an eval expression can come from, given where the fields it reads come from. Only
 * functions that return a part of their input (replace with an empty or group-reference replacement, trim,
 * substr), change its case (lower, upper), or pick among their arguments (if, case, coalesce) keep the raw text;
 * anything else gives {@link Origin#UNKNOWN}.
 */
final class ExpressionOrigins {
    private ExpressionOrigins() {
    }

    static Origin of(Expr e, Function<String, Origin> fields) {
        if (e instanceof Expr.FieldRef f) {
            return fields.apply(f.name());
        }
        if (e instanceof Expr.StringLiteral s) {
            return Origin.constant(s.value());
        }
        if (e instanceof Expr.NumberLiteral n) {
            return Origin.constant(n.text());
        }
        if (e instanceof Expr.Call c) {
            return call(c, fields);
        }
        return Origin.UNKNOWN;
    }

    private static Origin call(Expr.Call c, Function<String, Origin> fields) {
        List<Expr> args = c.arguments();
        switch (c.name()) {
            case "lower", "upper", "trim", "ltrim", "rtrim", "substr" -> {
                return args.isEmpty() ? Origin.UNKNOWN : of(args.get(0), fields);
            }
            case "replace" -> {
                if (args.size() == 3 && args.get(1) instanceof Expr.StringLiteral re
                        && args.get(2) instanceof Expr.StringLiteral repl && keepsOneRun(re.value(), repl.value())) {
                    return of(args.get(0), fields);
                }
                return Origin.UNKNOWN;
            }
            case "coalesce" -> {
                Origin o = Origin.NONE;
                for (Expr a : args) {
                    o = o.union(of(a, fields));
                }
                return o;
            }
            case "if" -> {
                return args.size() == 3 ? of(args.get(1), fields).union(of(args.get(2), fields)) : Origin.UNKNOWN;
            }
            case "case" -> {
                Origin o = Origin.NONE;
                for (int i = 1; i < args.size(); i += 2) {
                    o = o.union(of(args.get(i), fields));
                }
                return o;
            }
            case "null" -> {
                return Origin.NONE;
            }
            default -> {
                return Origin.UNKNOWN;
            }
        }
    }

    /**
     * True when {@code replace(x, regex, replacement)} returns one contiguous run of a line of {@code x}, so that a
     * literal of its result (literals never span lines) is a literal of {@code x}: removing a match anchored at the
     * start or the end, or keeping one group of a match that starts at the start and runs to the end of the line.
     * Other replacements can join text that was not adjacent, and make the field's origin unknown.
     */
    static boolean keepsOneRun(String regex, String replacement) {
        if (topLevelAlternation(regex)) {
            return false;
        }
        boolean anchoredStart = regex.startsWith("^");
        boolean anchoredEnd = regex.endsWith("$") && !regex.endsWith("\\$");
        if (replacement.isEmpty()) {
            return anchoredStart || anchoredEnd;
        }
        boolean oneGroup = replacement.length() == 2 && replacement.charAt(0) == '\\'
                && Character.isDigit(replacement.charAt(1));
        boolean toLineEnd = regex.endsWith(".*") || regex.endsWith(".*$");
        return oneGroup && anchoredStart && toLineEnd;
    }

    private static boolean topLevelAlternation(String regex) {
        int depth = 0;
        boolean inClass = false;
        for (int i = 0; i < regex.length(); i++) {
            char c = regex.charAt(i);
            if (c == '\\') {
                i++;
            } else if (inClass) {
                inClass = c != ']';
            } else if (c == '[') {
                inClass = true;
            } else if (c == '(') {
                depth++;
            } else if (c == ')') {
                depth--;
            } else if (c == '|' && depth == 0) {
                return true;
            }
        }
        return false;
    }
}
