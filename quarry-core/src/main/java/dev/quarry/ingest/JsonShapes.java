package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Recognizes the shape of one JSON event and converts it into an {@link Event}. */
final class JsonShapes {
    static final String CROWDSTRIKE_SOURCETYPE = "crowdstrike:events:sensor";
    static final String CROWDSTRIKE_SOURCE = "crowdstrike";
    static final String GENERIC_SOURCETYPE = "_json";

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Time fields of flattened Windows exports, most trustworthy first. */
    private static final String[] WINDOWS_TIME_FIELDS = {"@timestamp", "TimeCreated", "TimeGenerated", "UtcTime",
        "EventTime"};

    /** Time fields of other JSON events, most specific first; TimeGenerated is Azure Log Analytics'. */
    private static final String[] GENERIC_TIME_FIELDS = {"@timestamp", "_time", "timestamp", "time", "TimeCreated",
        "TimeGenerated", "EventTime", "ts"};

    /** Keys of flattened exports that describe the record rather than the event payload. */
    private static final Set<String> NOT_EVENT_DATA = Set.of("EventData");
    /** Fields the flattened shape reads on their own; an array in one of them is left to the tree path. */
    private static final List<String> FLAT_SPECIAL_FIELDS = java.util.stream.Stream.concat(
            java.util.stream.Stream.of("EventID", "EventCode", "Channel", "Hostname", "host", "Computer"),
            java.util.Arrays.stream(WINDOWS_TIME_FIELDS)).toList();

    private JsonShapes() {
    }

    static Event toEvent(JsonNode node, Origin origin, java.util.function.Supplier<String> raw) {
        Event e = toEvent(node, origin);
        return raw == null ? e : e.withRaw(raw);
    }

    static Event toEvent(JsonNode node, Origin origin) {
        if (node.has("winlog") || node.has("winlog.event_id")) {
            return winlogbeat(node, origin);
        }
        if (node.has("event_simpleName")) {
            return crowdstrike(node, origin);
        }
        JsonNode wrapped = node.path("Event").path("System");
        if (wrapped.isObject()) {
            return eventDocument(node.get("Event"), origin);
        }
        if (node.has("EventID") || node.has("EventCode") || node.has("Channel")) {
            return flattenedWindows(node, origin);
        }
        return generic(node, origin);
    }

    /** Flattened Security-Datasets, NXLog and Azure Log Analytics rows: event data beside the system fields. */
    private static Event flattenedWindows(JsonNode node, Origin origin) {
        WindowsEventAssembler a = new WindowsEventAssembler();
        Iterator<Map.Entry<String, JsonNode>> it = node.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> e = it.next();
            String key = e.getKey();
            JsonNode value = e.getValue();
            if (value.isNull()) {
                continue;
            }
            switch (key) {
                case "EventID", "EventCode" -> {
                    if (a.get("EventID") == null) {
                        a.systemText("EventID", JsonFlattener.scalarText(value));
                    }
                }
                case "Channel" -> a.systemText("Channel",
                        WindowsEventAssembler.canonicalChannel(JsonFlattener.scalarText(value)));
                case "EventData" -> eventDataValue(value, a);
                default -> JsonFlattener.flatten(value, key, a::extra);
            }
        }
        if (a.get("Computer") == null) {
            String host = firstText(node, "Hostname", "host", "Computer");
            if (host != null) {
                a.systemText("Computer", host);
            }
        }
        for (String field : WINDOWS_TIME_FIELDS) {
            JsonNode t = node.get(field);
            if (t != null && !t.isNull() && !NOT_EVENT_DATA.contains(field)) {
                a.timeText(JsonFlattener.scalarText(t));
                break;
            }
        }
        return a.build(origin);
    }

    /**
     * The event of a flat object in the flattened Windows shape, built exactly as {@link #toEvent} builds it from
     * the tree; null when the object has another shape, or an {@code EventData} string to parse, which the tree
     * path handles.
     */
    static Event flattenedWindows(FlatJson o, Origin origin) {
        if (o.has("winlog") || o.has("winlog.event_id") || o.has("event_simpleName") || o.has("EventData")
                || !(o.has("EventID") || o.has("EventCode") || o.has("Channel"))) {
            return null;
        }
        for (String special : FLAT_SPECIAL_FIELDS) {
            if (o.isArray(special)) {
                return null;
            }
        }
        WindowsEventAssembler a = new WindowsEventAssembler();
        for (int i = 0; i < o.size(); i++) {
            String key = o.name(i);
            String[] elements = o.elements(i);
            if (elements != null) {
                // As JsonFlattener names array elements: the key with {} added, one value per element.
                String arrayKey = key + "{}";
                for (String element : elements) {
                    if (element != null) {
                        a.extra(arrayKey, element);
                    }
                }
                continue;
            }
            String value = o.text(i);
            if (value == null) {
                continue;
            }
            switch (key) {
                case "EventID", "EventCode" -> {
                    if (a.get("EventID") == null) {
                        a.systemText("EventID", value);
                    }
                }
                case "Channel" -> a.systemText("Channel", WindowsEventAssembler.canonicalChannel(value));
                default -> a.extra(key, value);
            }
        }
        if (a.get("Computer") == null) {
            for (String field : new String[] {"Hostname", "host", "Computer"}) {
                String host = o.get(field);
                if (host != null) {
                    a.systemText("Computer", host);
                    break;
                }
            }
        }
        for (String field : WINDOWS_TIME_FIELDS) {
            String t = o.get(field);
            if (t != null && !NOT_EVENT_DATA.contains(field)) {
                a.timeText(t);
                break;
            }
        }
        return a.build(origin);
    }

    /** EventData held as an object, or as a JSON string as Azure Log Analytics exports it. */
    private static void eventDataValue(JsonNode value, WindowsEventAssembler a) {
        JsonNode data = value;
        if (value.isTextual()) {
            String text = value.textValue().trim();
            if (text.startsWith("{")) {
                try {
                    data = MAPPER.readTree(text);
                } catch (JsonProcessingException e) {
                    a.extra("EventData", value.textValue());
                    return;
                }
            } else {
                a.extra("EventData", value.textValue());
                return;
            }
        }
        if (data.isObject()) {
            Iterator<Map.Entry<String, JsonNode>> it = data.fields();
            while (it.hasNext()) {
                Map.Entry<String, JsonNode> e = it.next();
                JsonFlattener.flatten(e.getValue(), e.getKey(), a::data);
            }
        } else {
            JsonFlattener.flatten(data, "EventData", a::extra);
        }
    }

    /** Winlogbeat and Elastic Agent documents (ECS): the Windows event sits under {@code winlog}. */
    private static Event winlogbeat(JsonNode node, Origin origin) {
        JsonNode w = node.has("winlog") ? node.get("winlog") : dottedObject(node, "winlog.");
        WindowsEventAssembler a = new WindowsEventAssembler();
        putSystem(a, "EventID", w.get("event_id"));
        putSystem(a, "Channel", w.get("channel"));
        putSystem(a, "Computer", w.get("computer_name"));
        putSystem(a, "EventRecordID", w.get("record_id"));
        putSystem(a, "Version", w.get("version"));
        putSystem(a, "Task", w.get("task"));
        putSystem(a, "Opcode", w.get("opcode"));
        putAttribute(a, "Provider", "Name", w.get("provider_name"));
        putAttribute(a, "Provider", "Guid", w.get("provider_guid"));
        putAttribute(a, "Execution", "ProcessID", w.path("process").get("pid"));
        putAttribute(a, "Execution", "ThreadID", w.path("process").path("thread").get("id"));
        putAttribute(a, "Security", "UserID", w.path("user").get("identifier"));
        JsonNode eventData = w.get("event_data");
        if (eventData != null && eventData.isObject()) {
            eventData.fields().forEachRemaining(e -> JsonFlattener.flatten(e.getValue(), e.getKey(), a::data));
        }
        JsonNode userData = w.get("user_data");
        if (userData != null && userData.isObject()) {
            userData.fields().forEachRemaining(e -> JsonFlattener.flatten(e.getValue(), e.getKey(), a::userData));
        }
        String message = firstText(node, "message");
        if (message != null) {
            a.extra("Message", message);
        }
        String time = firstText(node, "@timestamp");
        if (time == null) {
            time = textAt(w, "time_created");
        }
        if (time != null) {
            a.timeText(time);
        }
        return a.build(origin);
    }

    /** Collects {@code prefix.a.b} keys of a document written with dotted names into a nested object. */
    private static JsonNode dottedObject(JsonNode node, String prefix) {
        com.fasterxml.jackson.databind.node.ObjectNode root = MAPPER.createObjectNode();
        node.fields().forEachRemaining(e -> {
            if (!e.getKey().startsWith(prefix)) {
                return;
            }
            String[] parts = e.getKey().substring(prefix.length()).split("\\.");
            com.fasterxml.jackson.databind.node.ObjectNode at = root;
            for (int i = 0; i < parts.length - 1; i++) {
                JsonNode child = at.get(parts[i]);
                if (!(child instanceof com.fasterxml.jackson.databind.node.ObjectNode)) {
                    child = at.putObject(parts[i]);
                }
                at = (com.fasterxml.jackson.databind.node.ObjectNode) child;
            }
            at.set(parts[parts.length - 1], e.getValue());
        });
        return root;
    }

    /** evtx_dump and similar tools: {@code {"Event": {"System": {...}, "EventData": {...}}}}. */
    private static Event eventDocument(JsonNode event, Origin origin) {
        WindowsEventAssembler a = new WindowsEventAssembler();
        JsonNode system = event.get("System");
        system.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isObject()) {
                JsonNode attributes = v.has("#attributes") ? v.get("#attributes") : v;
                attributes.fields().forEachRemaining(attr -> {
                    if (attr.getValue().isValueNode() && !attr.getKey().equals("#text")) {
                        a.systemAttribute(e.getKey(), attr.getKey(), JsonFlattener.scalarText(attr.getValue()));
                    }
                });
                if (v.has("#text")) {
                    a.systemText(e.getKey(), JsonFlattener.scalarText(v.get("#text")));
                }
            } else if (v.isValueNode() && !v.isNull()) {
                a.systemText(e.getKey(), JsonFlattener.scalarText(v));
            }
        });
        JsonNode data = event.get("EventData");
        if (data != null && data.isObject()) {
            data.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("#attributes")) {
                    JsonFlattener.flatten(e.getValue(), e.getKey(), a::data);
                }
            });
        }
        JsonNode userData = event.get("UserData");
        if (userData != null && userData.isObject()) {
            userData.fields().forEachRemaining(e -> flattenLeaves(e.getValue(), e.getKey(), a));
        }
        return a.build(origin);
    }

    private static void flattenLeaves(JsonNode node, String name, WindowsEventAssembler a) {
        if (node.isObject()) {
            node.fields().forEachRemaining(e -> {
                if (!e.getKey().equals("#attributes")) {
                    flattenLeaves(e.getValue(), e.getKey(), a);
                }
            });
        } else if (node.isValueNode() && !node.isNull()) {
            a.userData(name, JsonFlattener.scalarText(node));
        }
    }

    /** CrowdStrike Falcon Data Replicator events, one JSON object per line. */
    private static Event crowdstrike(JsonNode node, Origin origin) {
        Event.Builder b = Event.builder();
        JsonFlattener.flatten(node, "", b::add);
        String time = firstText(node, "timestamp", "ProcessStartTime", "ContextTimeStamp");
        if (time == null) {
            throw new InvalidEventException(InvalidEventException.MISSING_TIME,
                    "no event time: expected timestamp, ProcessStartTime or ContextTimeStamp in a CrowdStrike event", null);
        }
        b.time(parseTime(time));
        b.sourceType(CROWDSTRIKE_SOURCETYPE).source(CROWDSTRIKE_SOURCE).origin(origin);
        return b.build();
    }

    private static Event generic(JsonNode node, Origin origin) {
        Event.Builder b = Event.builder();
        JsonFlattener.flatten(node, "", b::add);
        String time = firstText(node, GENERIC_TIME_FIELDS);
        if (time == null) {
            throw new InvalidEventException(InvalidEventException.MISSING_TIME,
                    "no event time: expected one of " + String.join(", ", GENERIC_TIME_FIELDS), null);
        }
        b.time(parseTime(time));
        b.sourceType(GENERIC_SOURCETYPE).source(origin.file()).origin(origin);
        return b.build();
    }

    private static long parseTime(String text) {
        try {
            return Timestamps.parseMicros(text);
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(InvalidEventException.MISSING_TIME, e.getMessage(), e);
        }
    }

    private static void putSystem(WindowsEventAssembler a, String element, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            String text = JsonFlattener.scalarText(value);
            a.systemText(element, element.equals("Channel") ? WindowsEventAssembler.canonicalChannel(text) : text);
        }
    }

    private static void putAttribute(WindowsEventAssembler a, String element, String attribute, JsonNode value) {
        if (value != null && value.isValueNode() && !value.isNull()) {
            a.systemAttribute(element, attribute, JsonFlattener.scalarText(value));
        }
    }

    private static String firstText(JsonNode node, String... names) {
        for (String n : names) {
            JsonNode v = node.get(n);
            if (v != null && v.isValueNode() && !v.isNull()) {
                return JsonFlattener.scalarText(v);
            }
        }
        return null;
    }

    private static String textAt(JsonNode node, String name) {
        return firstText(node, name);
    }
}
