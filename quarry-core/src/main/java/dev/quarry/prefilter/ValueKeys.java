package dev.quarry.prefilter;

import dev.quarry.exec.CaseFold;
import dev.quarry.exec.FieldSource;
import dev.quarry.exec.Value;
import dev.quarry.exec.ValuePattern;
import dev.quarry.exec.WildcardPattern;
import dev.quarry.spl.ast.SearchExpr;
import dev.quarry.spl.ast.SearchLiteral;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;

/**
 * A necessary condition of a filter in the form "field {@code f1} has one of the values {@code V1}, or field
 * {@code f2} has one of the values {@code V2}, ...", where values are exact (no wildcard) and compare as
 * {@link WildcardPattern} compares them: whole value, case-insensitively. A run indexes its pipelines by these
 * keys so that each record is tested only against the pipelines that could accept it.
 *
 * <p>Values are stored folded with {@link #fold}. Two texts that {@link WildcardPattern#matches} finds equal fold
 * to the same key, so a lookup by a record's folded value finds every pipeline whose condition the value meets.
 */
public record ValueKeys(Map<String, Set<String>> anyOf) {
    public ValueKeys {
        Map<String, Set<String>> copy = new LinkedHashMap<>();
        anyOf.forEach((field, values) -> copy.put(field, Set.copyOf(values)));
        anyOf = java.util.Collections.unmodifiableMap(copy);
    }

    /**
     * Derives the keys of {@code filter}, or returns null when the filter has no such condition (for example when
     * it only uses wildcards). {@code fieldName} maps a field as the filter writes it to the field the compiled
     * filter reads, as the planner maps it.
     */
    public static ValueKeys of(SearchExpr filter, UnaryOperator<String> fieldName) {
        Map<String, Set<String>> keys = keys(filter, fieldName);
        return keys == null ? null : new ValueKeys(keys);
    }

    private static Map<String, Set<String>> keys(SearchExpr filter, UnaryOperator<String> fieldName) {
        if (filter instanceof SearchExpr.Compare c && c.op() == SearchExpr.CompareOp.EQ) {
            return exact(fieldName.apply(c.field()), List.of(c.value()));
        }
        if (filter instanceof SearchExpr.In in) {
            return exact(fieldName.apply(in.field()), in.values());
        }
        if (filter instanceof SearchExpr.Or or) {
            Map<String, Set<String>> union = new LinkedHashMap<>();
            for (SearchExpr e : or.operands()) {
                Map<String, Set<String>> k = keys(e, fieldName);
                if (k == null) {
                    return null;
                }
                k.forEach((field, values) -> union.computeIfAbsent(field, f -> new LinkedHashSet<>()).addAll(values));
            }
            return union;
        }
        if (filter instanceof SearchExpr.And and) {
            // Any operand's keys are a necessary condition of the conjunction. Keys on fields that most events
            // share (sourcetype, action, ...) narrow little, so others win; then the fewest values index tightest.
            Map<String, Set<String>> best = null;
            for (SearchExpr e : and.operands()) {
                Map<String, Set<String>> k = keys(e, fieldName);
                if (k != null && (best == null || weak(k) < weak(best)
                        || (weak(k) == weak(best) && size(k) < size(best)))) {
                    best = k;
                }
            }
            return best;
        }
        return null;
    }

    private static Map<String, Set<String>> exact(String field, List<SearchLiteral> values) {
        Set<String> folded = new LinkedHashSet<>();
        for (SearchLiteral v : values) {
            if (!(ValuePattern.compile(v.text()) instanceof WildcardPattern w) || w.hasWildcard()) {
                return null;
            }
            folded.add(fold(v.text()));
        }
        Map<String, Set<String>> keys = new LinkedHashMap<>();
        keys.put(field, folded);
        return keys;
    }

    /**
     * Fields with few distinct values in endpoint data, where a key selects a large share of all events: default
     * fields, event types, and CIM fields such as {@code action} or {@code transport}.
     */
    private static final Set<String> WEAK_FIELDS = Set.of("source", "sourcetype", "index", "host", "eventtype",
            "Channel", "action", "status", "app", "transport", "protocol", "dest_category", "src_category",
            "eventType", "EventType", "Logon_Type", "process_integrity_level", "user", "dest");

    /** 1 when any field of the keys is weak, else 0. */
    private static int weak(Map<String, Set<String>> keys) {
        for (String field : keys.keySet()) {
            if (WEAK_FIELDS.contains(field)) {
                return 1;
            }
        }
        return 0;
    }

    private static int size(Map<String, Set<String>> keys) {
        int n = 0;
        for (Set<String> values : keys.values()) {
            n += values.size();
        }
        return n;
    }

    /** The key of a value: its {@link CaseFold} form, under which equal values meet. */
    public static String fold(String text) {
        return CaseFold.fold(text);
    }

    /** Calls {@code each} with the folded key of every value the record holds in {@code field}. */
    public static void recordKeys(FieldSource record, String field, Consumer<String> each) {
        Value v = record.get(field);
        if (v == null) {
            return;
        }
        if (v instanceof Value.Multi m) {
            for (Value one : m.values()) {
                each.accept(key(one));
            }
        } else {
            each.accept(key(v));
        }
    }

    private static String key(Value v) {
        return v instanceof Value.Str s ? s.folded() : fold(v.text());
    }
}
