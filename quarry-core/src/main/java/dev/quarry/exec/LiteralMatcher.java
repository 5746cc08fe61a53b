package dev.quarry.exec;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

/**
 * Finds whether text contains any of a set of ASCII literals, ignoring ASCII case, in one pass (Aho-Corasick).
 * Works on UTF-8 bytes and on chars alike: an ASCII byte never occurs inside a multi-byte UTF-8 sequence, so a
 * match on bytes is a match on the decoded text.
 */
public final class LiteralMatcher {
    /**
     * Transitions, indexed by the current state's row ({@code state * 128}) plus an ASCII character. An entry is the
     * next state's row, or for an accepting state its row complemented ({@code ~row}, negative). Upper-case letters
     * have the entries of their lower-case letters, so the scanning loops neither fold case nor read a second
     * table: one load per character, and the sign tells a match.
     */
    private final int[] table;
    /** For each state, the indexes (in the order given to {@link #of}) of the literals that end there. */
    private final int[][] outputs;
    /**
     * The pairs of ASCII characters a literal can start with, in either case, indexed {@code first * 128 + second};
     * null when some literal has one character. Scanning skips positions where no literal starts with loads that
     * do not depend on each other, which runs several times faster than stepping the automaton.
     */
    private final boolean[] starts;
    /** The length of the shortest literal, the window of the shift scan. */
    private final int window;
    /** The length of the longest literal: a match that starts at a window's start ends within it. */
    private final int longest;
    /**
     * For the shift scan over ASCII bytes (Wu-Manber with two-character blocks): indexed {@code first * 128 +
     * second} like {@link #starts}, how far the window's end may move when its last two characters are that pair
     * without passing a match; 0 when a match may end the window there. Null when the shortest literal has fewer
     * than {@link #MIN_SHIFT_WINDOW} characters, where shifts are too short to beat {@link #starts}.
     */
    private final byte[] shifts;

    private static final int MIN_SHIFT_WINDOW = 4;
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long HIGH_BITS = 0x8080808080808080L;

    private LiteralMatcher(int[] table, int[][] outputs, boolean[] starts, int window, int longest, byte[] shifts) {
        this.table = table;
        this.outputs = outputs;
        this.starts = starts;
        this.window = window;
        this.longest = longest;
        this.shifts = shifts;
    }

    /** Builds a matcher; every literal must be non-empty printable ASCII. */
    public static LiteralMatcher of(Collection<String> literals) {
        List<int[]> children = new ArrayList<>();
        List<Boolean> accept = new ArrayList<>();
        List<List<Integer>> ends = new ArrayList<>();
        children.add(newNode());
        accept.add(false);
        ends.add(new ArrayList<>());
        int index = 0;
        for (String literal : literals) {
            String l = literal.toLowerCase(Locale.ROOT);
            if (l.isEmpty()) {
                throw new IllegalArgumentException("empty literal");
            }
            int state = 0;
            for (int i = 0; i < l.length(); i++) {
                char c = l.charAt(i);
                if (c >= 128) {
                    throw new IllegalArgumentException("literal is not ASCII: " + literal);
                }
                int child = children.get(state)[c];
                if (child < 0) {
                    child = children.size();
                    children.add(newNode());
                    accept.add(false);
                    ends.add(new ArrayList<>());
                    children.get(state)[c] = child;
                }
                state = child;
            }
            accept.set(state, true);
            ends.get(state).add(index++);
        }
        int states = children.size();
        int[] next = new int[states * 128];
        boolean[] accepting = new boolean[states];
        int[] fail = new int[states];
        for (int s = 0; s < states; s++) {
            accepting[s] = accept.get(s);
        }
        ArrayDeque<Integer> queue = new ArrayDeque<>();
        for (int c = 0; c < 128; c++) {
            int child = children.get(0)[c];
            if (child < 0) {
                next[c] = 0;
            } else {
                next[c] = child;
                fail[child] = 0;
                queue.add(child);
            }
        }
        while (!queue.isEmpty()) {
            int s = queue.poll();
            accepting[s] |= accepting[fail[s]];
            ends.get(s).addAll(ends.get(fail[s]));
            for (int c = 0; c < 128; c++) {
                int child = children.get(s)[c];
                if (child < 0) {
                    next[s * 128 + c] = next[fail[s] * 128 + c];
                } else {
                    next[s * 128 + c] = child;
                    fail[child] = next[fail[s] * 128 + c];
                    queue.add(child);
                }
            }
        }
        int[][] outputs = new int[states][];
        for (int s = 0; s < states; s++) {
            outputs[s] = ends.get(s).stream().mapToInt(Integer::intValue).toArray();
        }
        int[] table = new int[states * 128];
        for (int s = 0; s < states; s++) {
            for (int c = 0; c < 128; c++) {
                int folded = c >= 'A' && c <= 'Z' ? c + ('a' - 'A') : c;
                int target = next[s * 128 + folded];
                table[s * 128 + c] = accepting[target] ? ~(target * 128) : target * 128;
            }
        }
        boolean[] starts = new boolean[128 * 128];
        for (String literal : literals) {
            if (literal.length() < 2) {
                starts = null;
                break;
            }
            for (int a : caseVariants(literal.charAt(0))) {
                for (int b : caseVariants(literal.charAt(1))) {
                    starts[a * 128 + b] = true;
                }
            }
        }
        int window = Integer.MAX_VALUE;
        int longest = 0;
        for (String literal : literals) {
            window = Math.min(window, literal.length());
            longest = Math.max(longest, literal.length());
        }
        return new LiteralMatcher(table, outputs, starts, window, longest, shiftTable(literals, window));
    }

    /** Computes the shifts of the window scan from each literal's first {@code window} characters. */
    private static byte[] shiftTable(Collection<String> literals, int window) {
        if (window < MIN_SHIFT_WINDOW || window > Byte.MAX_VALUE) {
            return null;
        }
        byte[] shifts = new byte[128 * 128];
        Arrays.fill(shifts, (byte) (window - 1));
        for (String literal : literals) {
            for (int j = 1; j < window; j++) {
                byte shift = (byte) (window - 1 - j);
                for (int a : caseVariants(literal.charAt(j - 1))) {
                    for (int b : caseVariants(literal.charAt(j))) {
                        shifts[a * 128 + b] = (byte) Math.min(shifts[a * 128 + b], shift);
                    }
                }
            }
        }
        return shifts;
    }

    private static int[] caseVariants(char c) {
        char lower = Character.toLowerCase(c);
        char upper = Character.toUpperCase(c);
        return lower == upper ? new int[] {c} : new int[] {lower, upper};
    }

    /** The ASCII letter a non-ASCII character folds to under Java's case-insensitive comparison, or -1. */
    private static int asciiFoldOf(int c) {
        return switch (c) {
            case 0x0130, 0x0131 -> 'i';
            case 0x017F -> 's';
            case 0x212A -> 'k';
            default -> -1;
        };
    }

    /** The same for the UTF-8 sequence starting at {@code i}: U+0130 and U+0131 (C4 B0/B1), U+017F (C5 BF), U+212A (E2 84 AA). */
    private static int asciiFoldOf(byte[] bytes, int i, int to) {
        int b = bytes[i] & 0xFF;
        if ((b == 0xC4 || b == 0xC5) && i + 1 < to) {
            return asciiFoldOf(((b & 0x1F) << 6) | (bytes[i + 1] & 0x3F));
        }
        if (b == 0xE2 && i + 2 < to) {
            return asciiFoldOf(((b & 0x0F) << 12) | ((bytes[i + 1] & 0x3F) << 6) | (bytes[i + 2] & 0x3F));
        }
        return -1;
    }

    private static int[] newNode() {
        int[] n = new int[128];
        Arrays.fill(n, -1);
        return n;
    }

    /**
     * True when {@code bytes[from, to)} contains one of the literals, ignoring case. The few non-ASCII letters that
     * Java's case-insensitive comparison equates with ASCII letters (dotted and dotless i, long s, Kelvin sign) are
     * read as those letters, so that the prefilter never rejects what the search language would accept.
     */
    public boolean containsAny(byte[] bytes, int from, int to) {
        return containsAny(bytes, from, to, shifts != null && isAscii(bytes, from, to));
    }

    /**
     * Returns the same, for a caller that has already checked whether {@code bytes[from, to)} is all ASCII (no
     * byte with its high bit set), so that the range is not read a second time.
     */
    public boolean containsAny(byte[] bytes, int from, int to, boolean allAscii) {
        if (allAscii && shifts != null && to - from >= window) {
            return containsAnyAscii(bytes, from, to);
        }
        int[] t = table;
        boolean[] pairs = starts;
        int row = 0;
        for (int i = from; i < to; i++) {
            if (row == 0 && pairs != null) {
                // No match is under way: move to the next position where one could start. A non-ASCII byte stops
                // the skip, since it may fold to a letter.
                while (i + 1 < to) {
                    int b0 = bytes[i];
                    int b1 = bytes[i + 1];
                    if ((b0 | b1) < 0 || pairs[(b0 << 7) | b1]) {
                        break;
                    }
                    i++;
                }
            }
            int b = bytes[i];
            if (b < 0) {
                int ascii = asciiFoldOf(bytes, i, to);
                if (ascii < 0) {
                    row = 0;
                    continue;
                }
                i += ((b & 0xFF) >= 0xE0 ? 2 : 1);
                b = ascii;
            }
            row = t[row + b];
            if (row < 0) {
                return true;
            }
        }
        return false;
    }

    private static boolean isAscii(byte[] bytes, int from, int to) {
        long any = 0;
        int i = from;
        for (; i + 8 <= to; i += 8) {
            any |= (long) LONGS.get(bytes, i);
        }
        for (; i < to; i++) {
            any |= bytes[i];
        }
        return (any & HIGH_BITS) == 0;
    }

    /**
     * Scans ASCII bytes window by window: the last two bytes of each window of the shortest literal's length
     * decide how far the window may move. A window that may end a match is checked by running the automaton from
     * its start over at most the longest literal's length, which covers any match starting there, so each window
     * costs a bounded number of steps. A match found there is real, so the result stays exact. Only ASCII input
     * is safe here, because a non-ASCII letter that folds to an ASCII one would make a match longer in bytes than
     * the literal.
     */
    private boolean containsAnyAscii(byte[] bytes, int from, int to) {
        byte[] shift = shifts;
        int[] t = table;
        int m = window;
        for (int end = from + m - 1; end < to; ) {
            int s = shift[(bytes[end - 1] << 7) | bytes[end]];
            if (s > 0) {
                end += s;
                continue;
            }
            int row = 0;
            int start = end - m + 1;
            int stop = Math.min(to, start + longest);
            for (int i = start; i < stop; i++) {
                row = t[row + bytes[i]];
                if (row < 0) {
                    return true;
                }
                if (row == 0 && i >= end) {
                    break;
                }
            }
            end++;
        }
        return false;
    }

    /**
     * Sets {@code found[i]} for each literal {@code i} that {@code text} contains, ignoring case as
     * {@link #containsAny(CharSequence)} does; entries already set stay set.
     */
    public void markFound(CharSequence text, boolean[] found) {
        int[] t = table;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            int c = text.charAt(i);
            if (c >= 128) {
                c = asciiFoldOf(c);
                if (c < 0) {
                    row = 0;
                    continue;
                }
            }
            row = t[row + c];
            if (row < 0) {
                row = ~row;
                for (int literal : outputs[row / 128]) {
                    found[literal] = true;
                }
            }
        }
    }

    /** True when {@code text} contains one of the literals, ignoring case as {@link #containsAny(byte[], int, int)}. */
    public boolean containsAny(CharSequence text) {
        int[] t = table;
        boolean[] pairs = starts;
        int row = 0;
        for (int i = 0, n = text.length(); i < n; i++) {
            if (row == 0 && pairs != null) {
                while (i + 1 < n) {
                    int c0 = text.charAt(i);
                    int c1 = text.charAt(i + 1);
                    if ((c0 | c1) >= 128 || pairs[(c0 << 7) | c1]) {
                        break;
                    }
                    i++;
                }
            }
            int c = text.charAt(i);
            if (c >= 128) {
                c = asciiFoldOf(c);
                if (c < 0) {
                    row = 0;
                    continue;
                }
            }
            row = t[row + c];
            if (row < 0) {
                return true;
            }
        }
        return false;
    }
}
