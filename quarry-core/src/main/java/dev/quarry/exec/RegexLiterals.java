package dev.quarry.exec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Finds literals of which every match of a Java regular expression contains one, so that a value holding none of
 * them is known not to match without running the expression. ESCU's hunting searches run long alternations with
 * {@code (?i)} over whole PowerShell script blocks, where the regex engine tries every branch at every position;
 * one pass of a {@link LiteralMatcher} settles most values.
 *
 * <p>The analysis reads the common syntax (literals, escapes, classes, groups, alternation, quantifiers, anchors,
 * lookaround, inline flags) and gives up, returning null, on anything else, such as {@code \Q}, back references or
 * comments mode. Literals are lower-case printable ASCII and are compared ignoring case, which finds a superset of
 * what the expression matches with or without {@code (?i)}. A character that is not printable ASCII, a class and
 * {@code .} end a literal run.
 */
public final class RegexLiterals {
    /** Shortest literal worth a pass over the value. */
    static final int MIN_LENGTH = 3;
    /** Bounds on the exact strings and branches tracked while combining, to keep the analysis small. */
    private static final int MAX_STRINGS = 64;
    private static final int MAX_STRING_LENGTH = 64;
    private static final int MAX_BRANCHES = 512;

    private final String p;
    private int i;

    private RegexLiterals(String pattern) {
        this.p = pattern;
    }

    /**
     * What any match of a pattern contains, as alternatives: a match contains, for some branch, one literal of each
     * of the branch's sets. Test a value with {@link #mayMatch}; false means the pattern cannot match it.
     */
    public static final class Condition {
        private final List<List<Set<String>>> branches;
        private final LiteralMatcher matcher;
        /** Per branch, per set, the indexes of its literals in the matcher. */
        private final int[][][] ids;
        private final int literalCount;

        private Condition(List<List<Set<String>>> branches) {
            this.branches = branches;
            Map<String, Integer> index = new LinkedHashMap<>();
            this.ids = new int[branches.size()][][];
            for (int b = 0; b < branches.size(); b++) {
                List<Set<String>> sets = branches.get(b);
                ids[b] = new int[sets.size()][];
                for (int c = 0; c < sets.size(); c++) {
                    ids[b][c] = sets.get(c).stream().mapToInt(l -> index.computeIfAbsent(l, x -> index.size()))
                            .toArray();
                }
            }
            this.literalCount = index.size();
            this.matcher = LiteralMatcher.of(index.keySet());
        }

        /** The branches, each a list of literal sets, for tests and reports. */
        public List<List<Set<String>>> branches() {
            return branches;
        }

        /** False when no match of the pattern can occur in {@code text}. */
        public boolean mayMatch(CharSequence text) {
            if (branches.size() == 1 && branches.get(0).size() == 1) {
                return matcher.containsAny(text);
            }
            boolean[] found = new boolean[literalCount];
            matcher.markFound(text, found);
            for (int[][] branch : ids) {
                if (allMet(branch, found)) {
                    return true;
                }
            }
            return false;
        }

        private static boolean allMet(int[][] branch, boolean[] found) {
            for (int[] set : branch) {
                boolean any = false;
                for (int id : set) {
                    if (found[id]) {
                        any = true;
                        break;
                    }
                }
                if (!any) {
                    return false;
                }
            }
            return true;
        }

        @Override
        public String toString() {
            return branches.toString();
        }
    }

    /**
     * The condition of a Java pattern, or null when some way to match it needs no literal of at least
     * {@value #MIN_LENGTH} characters (or the analysis does not read the pattern).
     */
    public static Condition of(String javaPattern) {
        try {
            RegexLiterals r = new RegexLiterals(javaPattern);
            Info info = r.alternation();
            if (r.i != javaPattern.length() || info.branches == null) {
                return null;
            }
            List<List<Set<String>>> branches = new ArrayList<>();
            for (List<Set<String>> branch : info.branches) {
                List<Set<String>> kept = new ArrayList<>();
                for (Set<String> set : branch) {
                    if (shortest(set) >= MIN_LENGTH && !kept.contains(set)) {
                        kept.add(set);
                    }
                }
                if (kept.isEmpty()) {
                    return null;
                }
                branches.add(List.copyOf(kept));
            }
            return new Condition(List.copyOf(branches));
        } catch (GiveUp e) {
            return null;
        }
    }

    /** Thrown where the analysis does not know the syntax; the pattern then gets no literals. */
    private static final class GiveUp extends RuntimeException {
        private static final long serialVersionUID = 1L;

        GiveUp() {
            super(null, null, false, false);
        }
    }

    /**
     * What is known of a part of the pattern: {@code exact}, the strings it can match if they are few and known
     * (null otherwise); {@code sets}, literal sets each of which its every match hits (a match contains one literal
     * of each set); and {@code branches}, the same as alternatives (null when some alternative has nothing), which
     * is finer than {@code sets} for alternations.
     */
    private record Info(Set<String> exact, List<Set<String>> sets, List<List<Set<String>>> branches) {
        static final Info NOTHING = new Info(null, List.of(), null);
        static final Info EMPTY = new Info(Set.of(""), List.of(), null);

        static Info literal(char c) {
            return exact(Set.of(String.valueOf(c).toLowerCase(Locale.ROOT)));
        }

        static Info exact(Set<String> strings) {
            return new Info(strings, List.of(strings), List.of(List.of(strings)));
        }

        /** The most selective single set, used where alternatives must be merged into one. */
        Set<String> best() {
            Set<String> best = null;
            for (Set<String> set : sets) {
                best = better(best, set);
            }
            return best;
        }
    }

    private Info alternation() {
        Info first = sequence();
        if (i >= p.length() || p.charAt(i) != '|') {
            return first;
        }
        Set<String> exact = first.exact == null ? null : new LinkedHashSet<>(first.exact);
        Set<String> union = first.best() == null ? null : new LinkedHashSet<>(first.best());
        List<List<Set<String>>> branches = first.branches == null ? null : new ArrayList<>(first.branches);
        while (i < p.length() && p.charAt(i) == '|') {
            i++;
            Info next = sequence();
            if (exact != null && next.exact != null && exact.size() + next.exact.size() <= MAX_STRINGS) {
                exact.addAll(next.exact);
            } else {
                exact = null;
            }
            Set<String> nextBest = next.best();
            if (union != null && nextBest != null) {
                union.addAll(nextBest);
            } else {
                union = null;
            }
            if (branches != null && next.branches != null
                    && branches.size() + next.branches.size() <= MAX_BRANCHES) {
                branches.addAll(next.branches);
            } else {
                branches = null;
            }
        }
        List<Set<String>> sets = union == null ? List.of() : List.of(union);
        return new Info(exact, sets, branches);
    }

    private Info sequence() {
        Set<String> run = Set.of("");
        List<Set<String>> sets = new ArrayList<>();
        List<Info> consuming = new ArrayList<>();
        boolean allExact = true;
        while (i < p.length() && p.charAt(i) != '|' && p.charAt(i) != ')') {
            Info atom = quantified();
            if (!(atom.exact != null && atom.exact.equals(Set.of("")))) {
                consuming.add(atom);
            }
            if (atom.exact != null) {
                Set<String> joined = concat(run, atom.exact);
                if (joined != null) {
                    run = joined;
                    continue;
                }
            }
            allExact = false;
            addSet(sets, run);
            sets.addAll(atom.sets);
            run = atom.exact != null ? atom.exact : Set.of("");
        }
        addSet(sets, run);
        if (allExact) {
            return Info.exact(run);
        }
        // A sequence of one part (besides zero-width ones) keeps that part's alternatives.
        if (consuming.size() == 1 && consuming.get(0).branches != null) {
            return new Info(null, sets, consuming.get(0).branches);
        }
        return new Info(null, sets, List.of(List.copyOf(sets)));
    }

    private static void addSet(List<Set<String>> sets, Set<String> set) {
        if (!set.contains("") && !sets.contains(set)) {
            sets.add(set);
        }
    }

    private Info quantified() {
        Info atom = atom();
        if (i >= p.length()) {
            return atom;
        }
        char c = p.charAt(i);
        int min;
        if (c == '*' || c == '?') {
            i++;
            min = 0;
        } else if (c == '+') {
            i++;
            min = 1;
        } else if (c == '{' && i + 1 < p.length() && Character.isDigit(p.charAt(i + 1))) {
            int close = p.indexOf('}', i);
            if (close < 0) {
                throw new GiveUp();
            }
            String bounds = p.substring(i + 1, close);
            int comma = bounds.indexOf(',');
            try {
                min = Integer.parseInt(comma < 0 ? bounds : bounds.substring(0, comma));
            } catch (NumberFormatException e) {
                throw new GiveUp();
            }
            boolean exactly = comma < 0;
            i = close + 1;
            skipQuantifierMode();
            if (exactly && min == 1) {
                return atom;
            }
            return repeated(atom, min);
        } else {
            return atom;
        }
        skipQuantifierMode();
        return repeated(atom, min);
    }

    /** An atom repeated at least {@code min} times: with one or more, every match holds what one repetition does. */
    private static Info repeated(Info atom, int min) {
        if (min == 0) {
            return Info.NOTHING;
        }
        return new Info(null, atom.sets, atom.branches);
    }

    private void skipQuantifierMode() {
        if (i < p.length() && (p.charAt(i) == '?' || p.charAt(i) == '+')) {
            i++;
        }
    }

    private Info atom() {
        char c = p.charAt(i);
        switch (c) {
            case '(':
                return group();
            case '[':
                return characterClass();
            case '\\':
                return escape();
            case '.':
                i++;
                return Info.NOTHING;
            case '^':
            case '$':
                i++;
                return Info.EMPTY;
            case '*':
            case '+':
            case '?':
            case '{':
                throw new GiveUp();
            default:
                i++;
                return printable(c) ? Info.literal(c) : Info.NOTHING;
        }
    }

    private Info group() {
        i++;
        boolean zeroWidth = false;
        if (p.startsWith("?", i)) {
            if (p.startsWith("?:", i) || p.startsWith("?>", i)) {
                i += 2;
            } else if (p.startsWith("?=", i) || p.startsWith("?!", i)) {
                i += 2;
                zeroWidth = true;
            } else if (p.startsWith("?<=", i) || p.startsWith("?<!", i)) {
                i += 3;
                zeroWidth = true;
            } else if (p.startsWith("?<", i)) {
                int close = p.indexOf('>', i);
                if (close < 0) {
                    throw new GiveUp();
                }
                i = close + 1;
            } else {
                return flags();
            }
        }
        Info inner = alternation();
        if (i >= p.length() || p.charAt(i) != ')') {
            throw new GiveUp();
        }
        i++;
        return zeroWidth ? Info.EMPTY : inner;
    }

    /** {@code (?imsu-imsu)} or {@code (?i:...)}; comments mode and other flags end the analysis. */
    private Info flags() {
        i++;
        while (i < p.length() && "imsuUd-".indexOf(p.charAt(i)) >= 0) {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ')') {
            i++;
            return Info.EMPTY;
        }
        if (i < p.length() && p.charAt(i) == ':') {
            i++;
            Info inner = alternation();
            if (i >= p.length() || p.charAt(i) != ')') {
                throw new GiveUp();
            }
            i++;
            return inner;
        }
        throw new GiveUp();
    }

    /** A class matches one character; a class of one literal character is that literal. */
    private Info characterClass() {
        int start = i;
        i++;
        if (i < p.length() && p.charAt(i) == '^') {
            i++;
        }
        if (i < p.length() && p.charAt(i) == ']') {
            i++;
        }
        int depth = 1;
        while (i < p.length() && depth > 0) {
            char c = p.charAt(i);
            if (c == '\\') {
                i += 2;
                continue;
            }
            if (c == '[') {
                depth++;
            } else if (c == ']') {
                depth--;
            }
            i++;
        }
        if (depth > 0) {
            throw new GiveUp();
        }
        String body = p.substring(start + 1, i - 1);
        if (body.length() == 1 && printable(body.charAt(0)) && body.charAt(0) != '^') {
            return Info.literal(body.charAt(0));
        }
        if (body.length() == 2 && body.charAt(0) == '\\' && !Character.isLetterOrDigit(body.charAt(1))
                && printable(body.charAt(1))) {
            return Info.literal(body.charAt(1));
        }
        return Info.NOTHING;
    }

    private Info escape() {
        if (i + 1 >= p.length()) {
            throw new GiveUp();
        }
        char c = p.charAt(i + 1);
        i += 2;
        if (!Character.isLetterOrDigit(c)) {
            return printable(c) ? Info.literal(c) : Info.NOTHING;
        }
        switch (c) {
            case 'b':
            case 'B':
            case 'A':
            case 'z':
            case 'Z':
            case 'G':
                return Info.EMPTY;
            case 'd':
            case 'D':
            case 's':
            case 'S':
            case 'w':
            case 'W':
            case 'h':
            case 'H':
            case 'v':
            case 'V':
            case 'n':
            case 't':
            case 'r':
            case 'f':
            case 'e':
            case 'a':
                return Info.NOTHING;
            case 'p':
            case 'P':
                if (i < p.length() && p.charAt(i) == '{') {
                    int close = p.indexOf('}', i);
                    if (close < 0) {
                        throw new GiveUp();
                    }
                    i = close + 1;
                } else {
                    i++;
                }
                return Info.NOTHING;
            default:
                throw new GiveUp();
        }
    }

    private static boolean printable(char c) {
        return c >= 0x20 && c < 0x7F;
    }

    /** Every string of {@code a} followed by every string of {@code b}, or null when that is too many. */
    private static Set<String> concat(Set<String> a, Set<String> b) {
        if ((long) a.size() * b.size() > MAX_STRINGS) {
            return null;
        }
        Set<String> out = new LinkedHashSet<>();
        for (String x : a) {
            for (String y : b) {
                if (x.length() + y.length() > MAX_STRING_LENGTH) {
                    return null;
                }
                out.add(x + y);
            }
        }
        return out;
    }

    /** The more selective of two literal sets: the longer shortest literal, then the fewer literals. */
    private static Set<String> better(Set<String> a, Set<String> b) {
        if (a == null) {
            return b;
        }
        if (b == null) {
            return a;
        }
        int la = shortest(a);
        int lb = shortest(b);
        if (la != lb) {
            return la > lb ? a : b;
        }
        return a.size() <= b.size() ? a : b;
    }

    private static int shortest(Set<String> set) {
        int min = Integer.MAX_VALUE;
        for (String s : set) {
            min = Math.min(min, s.length());
        }
        return min;
    }
}
