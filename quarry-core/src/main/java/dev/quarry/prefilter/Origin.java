package dev.quarry.prefilter;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Where the values of a field can come from: text copied from the event's raw text (possibly cut to a part of it
 * or changed in case), a fixed set of constants, or something else ({@code unknown}: a number converted from hex,
 * a value remembered from another event). A field with none of these is never set.
 */
public record Origin(boolean raw, Set<String> constants, boolean unknown) {
    public static final Origin RAW = new Origin(true, Set.of(), false);
    public static final Origin UNKNOWN = new Origin(false, Set.of(), true);
    public static final Origin NONE = new Origin(false, Set.of(), false);

    public Origin {
        constants = Set.copyOf(constants);
    }

    public static Origin constant(String value) {
        return new Origin(false, Set.of(value), false);
    }

    public Origin union(Origin other) {
        Set<String> all = new LinkedHashSet<>(constants);
        all.addAll(other.constants);
        return new Origin(raw || other.raw, all, unknown || other.unknown);
    }

    public boolean neverSet() {
        return !raw && constants.isEmpty() && !unknown;
    }
}
