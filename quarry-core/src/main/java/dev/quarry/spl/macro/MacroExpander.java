package dev.quarry.spl.macro;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Expands macro calls the way Splunk does: as text, before parsing. First every triple-backtick comment is
 * replaced by one space; then each {@code `name`} or {@code `name(arg, ...)`} outside double quotes is replaced
 * by the macro's definition with each {@code $arg$} substituted, and the result is expanded again, so macros may
 * call macros. No parentheses are added around an expansion: {@code `sysmon` EventCode=1} expands to a
 * top-level OR followed by a term, which the search language's OR-before-AND precedence reads correctly.
 */
public final class MacroExpander {
    /** Deepest chain of macros calling macros; ESCU's deepest is 2. */
    static final int MAX_DEPTH = 20;
    /** Longest expanded text, which bounds a definition that doubles itself at each level. */
    static final int MAX_EXPANDED_LENGTH = 1 << 20;

    private final MacroLibrary library;

    public MacroExpander(MacroLibrary library) {
        this.library = library;
    }

    public Expansion expand(String search) {
        String uncommented = Comments.strip(search);
        List<Expansion.Segment> segments = new ArrayList<>();
        StringBuilder out = new StringBuilder(uncommented.length() + 256);
        expandInto(uncommented, out, segments, new ArrayDeque<>(), null, 0);
        return new Expansion(out.toString(), search, segments);
    }

    /**
     * Appends the expansion of {@code text} to {@code out}. {@code callSite} is the offset in the written search of
     * the outermost macro call being expanded, or -1 at the top level, where offsets map one to one.
     */
    private void expandInto(String text, StringBuilder out, List<Expansion.Segment> segments, Deque<String> stack,
            String outerMacro, int callSite) {
        boolean topLevel = stack.isEmpty();
        int i = 0;
        int literalStart = 0;
        boolean inQuotes = false;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '\\' && i + 1 < text.length()) {
                i += 2;
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
                i++;
                continue;
            }
            if (c != '`' || inQuotes) {
                i++;
                continue;
            }
            int end = text.indexOf('`', i + 1);
            if (end < 0) {
                throw new MacroException("unterminated macro call: a backtick without its closing backtick",
                        topLevel ? i : callSite, outerMacro);
            }
            appendLiteral(text, literalStart, i, out, segments, topLevel, outerMacro, callSite);
            String call = text.substring(i + 1, end);
            int site = topLevel ? i : callSite;
            String macroName = topLevel ? parseName(call) : outerMacro;
            expandCall(call, out, segments, stack, macroName, site);
            i = end + 1;
            literalStart = i;
        }
        appendLiteral(text, literalStart, text.length(), out, segments, topLevel, outerMacro, callSite);
    }

    private void appendLiteral(String text, int from, int to, StringBuilder out, List<Expansion.Segment> segments,
            boolean topLevel, String outerMacro, int callSite) {
        if (from >= to) {
            return;
        }
        int start = out.length();
        out.append(text, from, to);
        segments.add(new Expansion.Segment(start, out.length(), topLevel ? from : callSite,
                topLevel ? null : outerMacro));
        if (out.length() > MAX_EXPANDED_LENGTH) {
            throw new MacroException("macro expansion longer than " + MAX_EXPANDED_LENGTH + " characters",
                    callSite, outerMacro);
        }
    }

    private void expandCall(String call, StringBuilder out, List<Expansion.Segment> segments, Deque<String> stack,
            String outerMacro, int site) {
        String name = parseName(call);
        List<String> args = parseArguments(call, name, site);
        Macro macro = library.find(name, args.size()).orElseThrow(() -> new MacroException(
                "unknown macro `" + Macro.key(name, args.size()) + "`: no definition with that name and "
                        + args.size() + " argument" + (args.size() == 1 ? "" : "s"), site, name));
        if (stack.contains(macro.key())) {
            throw new MacroException("macro `" + macro.key() + "` expands to itself (" + String.join(" -> ", stack)
                    + " -> " + macro.key() + ")", site, name);
        }
        if (stack.size() >= MAX_DEPTH) {
            throw new MacroException("macros nested more than " + MAX_DEPTH + " deep", site, name);
        }
        String body = substitute(macro, args);
        stack.push(macro.key());
        expandInto(Comments.strip(body), out, segments, stack, outerMacro, site);
        stack.pop();
    }

    private static String parseName(String call) {
        int paren = call.indexOf('(');
        return (paren < 0 ? call : call.substring(0, paren)).trim();
    }

    /** Splits {@code name(a, "b,c", d(e))} into trimmed arguments at commas outside quotes and parentheses. */
    private static List<String> parseArguments(String call, String name, int site) {
        int open = call.indexOf('(');
        if (open < 0) {
            return List.of();
        }
        String inner = call.trim();
        if (!inner.endsWith(")")) {
            throw new MacroException("macro call `" + call + "` has no closing parenthesis", site, name);
        }
        inner = inner.substring(inner.indexOf('(') + 1, inner.length() - 1);
        List<String> args = new ArrayList<>();
        int depth = 0;
        boolean quoted = false;
        int start = 0;
        for (int i = 0; i < inner.length(); i++) {
            char c = inner.charAt(i);
            if (c == '\\' && i + 1 < inner.length()) {
                i++;
            } else if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && c == '(') {
                depth++;
            } else if (!quoted && c == ')') {
                depth--;
            } else if (!quoted && depth == 0 && c == ',') {
                args.add(inner.substring(start, i).trim());
                start = i + 1;
            }
        }
        String last = inner.substring(start).trim();
        if (!last.isEmpty() || !args.isEmpty()) {
            args.add(last);
        }
        return args;
    }

    /**
     * Replaces each {@code $arg$} of the definition with its argument text. Where the placeholder sits inside
     * double quotes and the argument is itself quoted, the argument's quotes are dropped, so that the CIM macro
     * {@code rename "$object$.*" as *} called as {@code drop_dm_object_name("Web")} renames {@code Web.*}.
     */
    static String substitute(Macro macro, List<String> args) {
        String def = macro.definition();
        if (macro.arguments().isEmpty()) {
            return def;
        }
        StringBuilder sb = new StringBuilder(def.length() + 64);
        boolean inQuotes = false;
        int i = 0;
        outer:
        while (i < def.length()) {
            char c = def.charAt(i);
            if (c == '"' && (i == 0 || def.charAt(i - 1) != '\\')) {
                inQuotes = !inQuotes;
            }
            if (c == '$') {
                for (int a = 0; a < macro.arguments().size(); a++) {
                    String placeholder = "$" + macro.arguments().get(a) + "$";
                    if (def.startsWith(placeholder, i)) {
                        String value = args.get(a);
                        if (inQuotes && value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
                            value = value.substring(1, value.length() - 1);
                        }
                        sb.append(value);
                        i += placeholder.length();
                        continue outer;
                    }
                }
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
