package dev.quarry.prefilter;

import dev.quarry.cim.CimCatalog;
import dev.quarry.cim.DatasetDefinition;
import dev.quarry.cim.SourceMapping;
import dev.quarry.exec.LiteralMatcher;
import dev.quarry.content.CompiledDetection;
import dev.quarry.plan.QueryPlan;
import dev.quarry.spl.Spl;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Function;

/**
 * Decides from an event's raw text whether any detection of a run could match it, so that readers pass over the
 * other events without parsing them. The decision is a necessary condition only, derived from the detections'
 * filters with {@link FilterRequirements}; an event that passes is parsed and evaluated in full. Events that feed
 * state other events depend on (the earlier process events that fill a parent process name) always pass.
 */
public final class Prefilter {
    /** A prefilter that passes every event. */
    public static final Prefilter NONE = new Prefilter(null, List.of());

    private final LiteralMatcher matcher;
    private final List<String> literals;

    private Prefilter(LiteralMatcher matcher, List<String> literals) {
        this.matcher = matcher;
        this.literals = List.copyOf(literals);
    }

    /** Builds the prefilter of a run; it passes everything when some detection requires nothing of the raw text. */
    public static Prefilter of(List<CompiledDetection> detections, CimCatalog catalog) {
        Requirement all = Requirement.NEVER;
        Set<String> datasetsRead = new java.util.HashSet<>();
        for (CompiledDetection d : detections) {
            if (!d.runnable()) {
                continue;
            }
            for (QueryPlan.Input input : d.plan().newChain().inputs()) {
                all = all.or(requirement(input.source(), catalog));
                if (input.source() instanceof QueryPlan.DatasetSource ds) {
                    datasetsRead.add(ds.dataset().key());
                }
                if (all.always()) {
                    return NONE;
                }
            }
        }
        for (SourceMapping m : catalog.mappings()) {
            if (m.earlierProcess() != null && datasetsRead.contains(m.dataset())) {
                all = all.or(FilterRequirements.of(Spl.parseSearch(m.whenText()), FieldOrigins.raw(catalog)));
            }
        }
        if (all.always()) {
            return NONE;
        }
        List<String> literals = new ArrayList<>(all.literals());
        return new Prefilter(LiteralMatcher.of(literals), literals);
    }

    private static Requirement requirement(QueryPlan.Source source, CimCatalog catalog) {
        if (source instanceof QueryPlan.DatasetSource ds) {
            DatasetDefinition dataset = ds.dataset();
            Function<String, Origin> origins = FieldOrigins.dataset(catalog, dataset);
            return FilterRequirements.of(ds.expression(), name -> origins.apply(dataset.recordField(name)));
        }
        if (source instanceof QueryPlan.RawSource rs) {
            return FilterRequirements.of(rs.expression(), FieldOrigins.raw(catalog));
        }
        return Requirement.NEVER;
    }

    /** True when this prefilter passes every event. */
    public boolean passesAll() {
        return matcher == null;
    }

    /** The literals one of which an event must contain, for reports. */
    public List<String> literals() {
        return literals;
    }

    /**
     * True when the raw record in {@code bytes[from, to)} may hold a literal: it contains one, or it has escapes
     * (JSON {@code \\uXXXX}, XML {@code &#...;}) that can spell any character, so that its decoded text may hold
     * one although its raw text does not.
     */
    public boolean mayMatch(byte[] bytes, int from, int to) {
        if (matcher == null) {
            return true;
        }
        int found = Escapes.scan(bytes, from, to);
        return (found & Escapes.ESCAPE) != 0 || matcher.containsAny(bytes, from, to, found == 0);
    }

    /** Returns the same for a record's raw text. */
    public boolean mayMatch(CharSequence text) {
        return matcher == null || matcher.containsAny(text) || Escapes.any(text);
    }
}
