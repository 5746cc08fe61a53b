package dev.quarry.prefilter;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What an event's raw text must contain for a filter to possibly accept the event: nothing ({@link #ALWAYS}), one
 * of a set of ASCII literals compared without case, or nothing can satisfy it ({@link #NEVER}). Requirements are
 * necessary conditions only: an event that meets one may still be rejected by the filter.
 */
public final class Requirement {
    public static final Requirement ALWAYS = new Requirement(null);
    public static final Requirement NEVER = new Requirement(Set.of());

    private final Set<String> anyOf;
    /**
     * True when a literal names where events come from (a channel such as {@code Security}) rather than their
     * content. Every event of that source contains it, so it passes many more events than its length suggests.
     */
    private final boolean weak;

    private Requirement(Set<String> anyOf) {
        this(anyOf, false);
    }

    private Requirement(Set<String> anyOf, boolean weak) {
        this.anyOf = anyOf;
        this.weak = weak;
    }

    public static Requirement literal(String literal) {
        return new Requirement(Set.of(literal));
    }

    /** Returns the requirement of a literal that every event of one source contains, such as its channel name. */
    public static Requirement sourceLiteral(String literal) {
        return new Requirement(Set.of(literal), true);
    }

    public boolean always() {
        return anyOf == null;
    }

    public boolean never() {
        return anyOf != null && anyOf.isEmpty();
    }

    /** The literals one of which must occur; empty for {@link #NEVER}, null for {@link #ALWAYS}. */
    public Set<String> literals() {
        return anyOf;
    }

    /** Either requirement suffices: the union of the literal sets. */
    public Requirement or(Requirement other) {
        if (always() || other.always()) {
            return ALWAYS;
        }
        if (never()) {
            return other;
        }
        if (other.never()) {
            return this;
        }
        Set<String> all = new LinkedHashSet<>(anyOf);
        all.addAll(other.anyOf);
        return new Requirement(all, weak || other.weak);
    }

    /**
     * Returns the more selective of two requirements that both hold, since either alone is a valid necessary
     * condition. The more selective is taken to be one without source literals, then the one whose shortest
     * literal is longest (longer literals occur in fewer events), then the smaller set.
     */
    public Requirement and(Requirement other) {
        if (never() || other.never()) {
            return NEVER;
        }
        if (always()) {
            return other;
        }
        if (other.always()) {
            return this;
        }
        if (weak != other.weak) {
            return weak ? other : this;
        }
        int mine = shortest(anyOf);
        int theirs = shortest(other.anyOf);
        if (mine != theirs) {
            return mine > theirs ? this : other;
        }
        return anyOf.size() <= other.anyOf.size() ? this : other;
    }

    private static int shortest(Set<String> literals) {
        int min = Integer.MAX_VALUE;
        for (String l : literals) {
            min = Math.min(min, l.length());
        }
        return min;
    }

    @Override
    public String toString() {
        return always() ? "always" : never() ? "never" : "any of " + anyOf;
    }
}
