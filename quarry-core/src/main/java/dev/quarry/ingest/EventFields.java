package dev.quarry.ingest;

import dev.quarry.exec.FieldSource;
import dev.quarry.exec.Value;
import java.util.List;

/**
 * An {@link Event} seen as SPL fields: its own fields plus Splunk's default fields {@code _time} (epoch
 * seconds), {@code source}, {@code sourcetype}, {@code host} and {@code index}.
 */
public final class EventFields implements FieldSource {
    /** The index every event is treated as coming from. */
    public static final String INDEX = "main";

    private final Event event;

    public EventFields(Event event) {
        this.event = event;
    }

    public Event event() {
        return event;
    }

    @Override
    public Value get(String name) {
        switch (name) {
            case "_time":
                return Value.num(event.timeMicros() / 1_000_000.0);
            case "source":
                return Value.str(event.source());
            case "sourcetype":
                return Value.str(event.sourceType());
            case "index":
                return Value.str(INDEX);
            case "_raw":
                return Value.str(event.raw());
            case "host":
                // Windows events come from the machine in Computer, as Splunk's host does; a host key that a JSON
                // export adds names its collector instead.
                if (!event.has("host") || WindowsEventAssembler.SOURCETYPE.equals(event.sourceType())) {
                    String host = host(event);
                    if (host != null || !event.has("host")) {
                        return Value.str(host);
                    }
                }
                break;
            default:
                break;
        }
        List<String> values = event.getAll(name);
        return Value.ofStrings(values);
    }

    /** The host an event came from: its Computer, or the host names other exports use. */
    public static String host(Event event) {
        for (String field : new String[] {"Computer", "Hostname", "ComputerName", "computer_name", "host.name"}) {
            String v = event.get(field);
            if (v != null && !v.isEmpty()) {
                return v;
            }
        }
        return null;
    }
}
