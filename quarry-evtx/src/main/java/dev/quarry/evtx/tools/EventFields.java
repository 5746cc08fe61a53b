package dev.quarry.evtx.tools;

import dev.quarry.evtx.Attribute;
import dev.quarry.evtx.Element;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Flattens an event tree into an ordered list of (path, value) fields for comparison. A path
 * names each element with its position among same-named siblings, such as
 * {@code Event/EventData/Data[3]}, and attributes with {@code @name}; an element's field value
 * is its direct text. Every element and attribute becomes a field, so System, EventData,
 * UserData and any other section are compared alike.
 */
final class EventFields {

    /** One field: a path and its value. */
    record Field(String path, String value) {
    }

    private EventFields() {
    }

    static List<Field> of(Element event) {
        List<Field> fields = new ArrayList<>(64);
        add(event, event.name(), fields);
        return fields;
    }

    private static void add(Element element, String path, List<Field> fields) {
        fields.add(new Field(path, element.text()));
        for (Attribute attribute : element.attributes()) {
            fields.add(new Field(path + "@" + attribute.name(), attribute.value()));
        }
        Map<String, Integer> seen = new HashMap<>();
        for (Element child : element.elements()) {
            int index = seen.merge(child.name(), 1, Integer::sum);
            add(child, path + "/" + child.name() + "[" + index + "]", fields);
        }
    }

    /** Returns the text of {@code System/EventRecordID}, or null when it is missing or not a number. */
    static Long eventRecordId(Element event) {
        Element system = event.child("System");
        Element id = system == null ? null : system.child("EventRecordID");
        if (id == null) {
            return null;
        }
        try {
            return Long.parseLong(id.text().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
