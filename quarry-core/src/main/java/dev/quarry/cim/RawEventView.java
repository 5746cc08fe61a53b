package dev.quarry.cim;

import dev.quarry.exec.FieldSource;
import dev.quarry.exec.Row;
import dev.quarry.exec.Value;
import dev.quarry.exec.Values;
import dev.quarry.ingest.Event;
import dev.quarry.ingest.EventFields;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A raw event as raw-event searches see it: its own fields, Splunk's default fields ({@code _time},
 * {@code source}, {@code sourcetype}, {@code host}, {@code index}), the names of its event types in
 * {@code eventtype}, and the search-time fields of the extractions that apply to it. Event types and extracted
 * fields are computed on first use, so a filter that reads only the event's own fields costs no more than before.
 *
 * <p>When several extractions set the same field, the first one in catalog order wins; an event's own field
 * is never replaced.
 */
public final class RawEventView implements FieldSource {
    private static final java.util.Set<String> DEFAULT_FIELDS =
            java.util.Set.of("_time", "_raw", "source", "sourcetype", "index", "host");
    private final Event event;
    private final EventFields own;
    private final SearchTimeFields definitions;
    /** Fields read so far, with null for those the event does not have. */
    private Map<String, Value> seen;
    /** The row of the first {@link #toRow} call; later calls copy it, since rows are mutable. */
    private Row template;
    private byte[] applies;
    private Value eventTypes;
    private boolean eventTypesDone;

    public RawEventView(Event event, SearchTimeFields definitions) {
        this.event = event;
        this.own = new EventFields(event);
        this.definitions = definitions;
    }

    public Event event() {
        return event;
    }

    /**
     * Values are kept once read, so that the detections of a run that test the same field share one value and its
     * {@link Value.Str#folded() folded} form.
     */
    @Override
    public Value get(String name) {
        if (seen == null) {
            seen = new HashMap<>(64);
        } else {
            Value v = seen.get(name);
            if (v != null || seen.containsKey(name)) {
                return v;
            }
        }
        Value v = own.get(name);
        if (v == null) {
            v = name.equals("eventtype") ? eventTypes() : extracted(name);
        }
        seen.put(name, v);
        return v;
    }

    private Value eventTypes() {
        if (!eventTypesDone) {
            eventTypesDone = true;
            List<String> names = new ArrayList<>();
            for (EventType t : definitions.eventTypes()) {
                if (t.search().test(own)) {
                    names.add(t.name());
                }
            }
            eventTypes = Value.ofStrings(names);
        }
        return eventTypes;
    }

    /** The value of one extracted field, from the first extraction that applies and gives one; null for none. */
    private Value extracted(String name) {
        List<SearchTimeFields.Candidate> candidates = definitions.byField().get(name);
        if (candidates == null || event.has(name)) {
            return null;
        }
        for (SearchTimeFields.Candidate c : candidates) {
            if (!applies(c.extraction())) {
                continue;
            }
            Value v = c.rule().evaluator().eval(own);
            if (v != null && !(v instanceof Value.Bool)) {
                return v;
            }
        }
        return null;
    }

    /** Whether extraction {@code index} applies to this event; its condition is tested once per event. */
    private boolean applies(int index) {
        if (applies == null) {
            applies = new byte[definitions.extractions().size()];
        }
        if (applies[index] == 0) {
            applies[index] = definitions.extractions().get(index).when().test(own) ? (byte) 1 : (byte) 2;
        }
        return applies[index] == 1;
    }

    /** Builds the row a raw-event pipeline starts from: every field this view has, marked with the event's time. */
    public Row toRow() {
        if (template != null) {
            return new Row(template);
        }
        Row row = new Row();
        row.put("_time", get("_time"));
        for (int i = 0; i < event.fieldCount(); i++) {
            String name = event.fieldName(i);
            if (!DEFAULT_FIELDS.contains(name)) {
                row.put(name, get(name));
            }
        }
        // Default fields read as filters read them, even where the event has a field of the same name.
        for (String name : new String[] {"host", "source", "sourcetype", "index"}) {
            row.put(name, get(name));
        }
        row.put("eventtype", get("eventtype"));
        row.put("_raw", get("_raw"));
        for (String name : definitions.byField().keySet()) {
            if (!row.has(name)) {
                Value v = get(name);
                if (v != null) {
                    row.put(name, v);
                }
            }
        }
        row.setRawEventTime(Values.toNumber(own.get("_time")));
        template = row;
        return new Row(row);
    }

    /** The event types and extractions of a catalog, in the order they apply. */
    public record SearchTimeFields(List<EventType> eventTypes, List<Extraction> extractions,
            Map<String, List<Candidate>> byField) {
        /** One rule that may set a field: the index of its extraction in {@code extractions}, and the rule. */
        public record Candidate(int extraction, SourceMapping.FieldRule rule) {
        }

        public SearchTimeFields(List<EventType> eventTypes, List<Extraction> extractions) {
            this(eventTypes, extractions, candidates(extractions));
        }

        public SearchTimeFields {
            eventTypes = List.copyOf(eventTypes);
            extractions = List.copyOf(extractions);
            byField = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(byField));
        }

        /** For each field, the rules that may set it, in catalog order: the first that gives a value wins. */
        private static Map<String, List<Candidate>> candidates(List<Extraction> extractions) {
            Map<String, List<Candidate>> byField = new java.util.LinkedHashMap<>();
            for (int i = 0; i < extractions.size(); i++) {
                for (SourceMapping.FieldRule rule : extractions.get(i).fields()) {
                    byField.computeIfAbsent(rule.field(), f -> new ArrayList<>()).add(new Candidate(i, rule));
                }
            }
            return byField;
        }

        public static SearchTimeFields of(CimCatalog catalog) {
            return new SearchTimeFields(new ArrayList<>(catalog.eventTypes()), new ArrayList<>(catalog.extractions()));
        }
    }
}
