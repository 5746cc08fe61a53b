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
    private final Event event;
    private final EventFields own;
    private final SearchTimeFields definitions;
    private Map<String, Value> extracted;
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

    @Override
    public Value get(String name) {
        Value v = own.get(name);
        if (v != null) {
            return v;
        }
        if (name.equals("eventtype")) {
            return eventTypes();
        }
        return extracted().get(name);
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

    private Map<String, Value> extracted() {
        if (extracted == null) {
            extracted = new HashMap<>();
            for (Extraction x : definitions.extractions()) {
                if (!x.when().test(own)) {
                    continue;
                }
                for (SourceMapping.FieldRule rule : x.fields()) {
                    if (extracted.containsKey(rule.field()) || event.has(rule.field())) {
                        continue;
                    }
                    Value v = rule.evaluator().eval(own);
                    if (v != null && !(v instanceof Value.Bool)) {
                        extracted.put(rule.field(), v);
                    }
                }
            }
        }
        return extracted;
    }

    /** Builds the row a raw-event pipeline starts from: every field this view has, marked with the event's time. */
    public Row toRow() {
        Row row = new Row();
        row.put("_time", own.get("_time"));
        for (int i = 0; i < event.fieldCount(); i++) {
            String name = event.fieldName(i);
            row.put(name, Value.ofStrings(event.getAll(name)));
        }
        for (String name : new String[] {"host", "source", "sourcetype", "index"}) {
            if (!row.has(name)) {
                row.put(name, own.get(name));
            }
        }
        row.put("eventtype", eventTypes());
        row.put("_raw", own.get("_raw"));
        for (Map.Entry<String, Value> e : extracted().entrySet()) {
            if (!row.has(e.getKey())) {
                row.put(e.getKey(), e.getValue());
            }
        }
        row.setRawEventTime(Values.toNumber(own.get("_time")));
        return row;
    }

    /** The event types and extractions of a catalog, in the order they apply. */
    public record SearchTimeFields(List<EventType> eventTypes, List<Extraction> extractions) {
        public SearchTimeFields {
            eventTypes = List.copyOf(eventTypes);
            extractions = List.copyOf(extractions);
        }

        public static SearchTimeFields of(CimCatalog catalog) {
            return new SearchTimeFields(new ArrayList<>(catalog.eventTypes()), new ArrayList<>(catalog.extractions()));
        }
    }
}
