package dev.quarry.exec.op;

import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import java.util.Comparator;
import java.util.List;

/**
 * One field of a {@code sort} or {@code dedup ... sortby} clause: {@code -count}, {@code +str(user)},
 * {@code num(port)}. A row without the field sorts after every row that has it, in either direction, and a
 * multivalue field sorts by its first value.
 *
 * @param field the field name
 * @param descending true for {@code -}
 * @param collation how values compare
 */
public record SortKey(String field, boolean descending, Collation collation) {
    /** The comparison a sort key applies to two values. */
    public enum Collation {
        /** Numbers before text; numbers numerically, text in code point order. Also what {@code num()} does. */
        AUTO,
        /** Every value as text, in code point order, so {@code 10} sorts before {@code 9}. */
        TEXT,
        /** IPv4 addresses by their numeric value, before any other value, which then sorts as {@link #AUTO}. */
        IP
    }

    /** Orders rows by the keys in turn; rows equal on every key compare as 0. */
    public static Comparator<Row> comparator(List<SortKey> keys) {
        List<SortKey> copy = List.copyOf(keys);
        return (a, b) -> {
            for (SortKey k : copy) {
                int c = k.compare(a, b);
                if (c != 0) {
                    return c;
                }
            }
            return 0;
        };
    }

    /** Returns the same key with the direction reversed, for {@code sort ... desc}. */
    public SortKey reversed() {
        return new SortKey(field, !descending, collation);
    }

    int compare(Row a, Row b) {
        Value x = first(a.get(field));
        Value y = first(b.get(field));
        if (x == null && y == null) {
            return 0;
        }
        if (x == null || y == null) {
            return x == null ? 1 : -1;
        }
        int c = switch (collation) {
            case AUTO -> compareAuto(x, y);
            case TEXT -> Values.compareText(x.text(), y.text());
            case IP -> compareIp(x, y);
        };
        return descending ? -c : c;
    }

    private static Value first(Value v) {
        return v instanceof Value.Multi m ? m.values().get(0) : v;
    }

    private static int compareAuto(Value x, Value y) {
        Double m = Values.toNumber(x);
        Double n = Values.toNumber(y);
        if (m != null && n != null) {
            return Double.compare(m, n);
        }
        if (m != null || n != null) {
            return m != null ? -1 : 1;
        }
        return Values.compareText(x.text(), y.text());
    }

    private static int compareIp(Value x, Value y) {
        long m = ipv4(x.text());
        long n = ipv4(y.text());
        if (m >= 0 && n >= 0) {
            return Long.compare(m, n);
        }
        if (m >= 0 || n >= 0) {
            return m >= 0 ? -1 : 1;
        }
        return compareAuto(x, y);
    }

    /** Returns the address as an unsigned 32-bit number, or -1 when the text is not a dotted IPv4 address. */
    private static long ipv4(String text) {
        String[] parts = text.trim().split("\\.", -1);
        if (parts.length != 4) {
            return -1;
        }
        long result = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(ch -> ch >= '0' && ch <= '9')) {
                return -1;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return -1;
            }
            result = result * 256 + octet;
        }
        return result;
    }
}
