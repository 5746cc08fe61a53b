package dev.quarry.ingest;

import java.util.Locale;

/**
 * Builds an {@link Event} from the parts of a Windows event ({@code System}, {@code EventData},
 * {@code UserData}, {@code RenderingInfo}), whichever format they were read from, so that EVTX, event XML and
 * JSON exports give the same fields.
 *
 * <p>Field names follow Splunk's extraction of {@code XmlWinEventLog} events: each {@code System} element's
 * text becomes a field of the element's name ({@code EventID}, {@code Channel}, {@code Computer}, ...), each
 * attribute becomes a field of the attribute's name ({@code SystemTime}, {@code ProcessID}, {@code UserID},
 * {@code Name} for the provider), {@code EventCode} repeats {@code EventID}, and each
 * {@code <Data Name="X">} becomes field {@code X}. A name seen twice becomes a multivalue field.
 */
public final class WindowsEventAssembler {
    /** The sourcetype Splunk gives Windows events rendered as XML. */
    public static final String SOURCETYPE = "XmlWinEventLog";

    private final Event.Builder builder = Event.builder();
    private String channel;
    private String timeText;

    /** Adds the text of a System child element such as EventID, Channel or Computer. */
    public void systemText(String element, String text) {
        if (text == null) {
            return;
        }
        String value = text.trim();
        switch (element) {
            case "EventID" -> {
                builder.add("EventID", value);
                builder.add("EventCode", value);
            }
            case "EventRecordID" -> {
                builder.add("EventRecordID", value);
                builder.add("RecordNumber", value);
            }
            case "Channel" -> {
                channel = value;
                builder.add("Channel", value);
            }
            default -> builder.add(element, value);
        }
    }

    /** Adds an attribute of a System child element, such as TimeCreated/@SystemTime or Provider/@Name. */
    public void systemAttribute(String element, String attribute, String value) {
        if (value == null) {
            return;
        }
        if (element.equals("TimeCreated") && attribute.equals("SystemTime")) {
            timeText = value;
        }
        builder.add(attribute, value);
    }

    /** Adds an EventData value; an unnamed {@code <Data>} element is added under the name {@code Data}. */
    public void data(String name, String value) {
        builder.add(name == null || name.isEmpty() ? "Data" : name, value == null ? "" : value);
    }

    /** Adds a leaf of UserData (or of a provider-specific payload), named after its element. */
    public void userData(String element, String value) {
        builder.add(element, value == null ? "" : value);
    }

    /** Adds a field that is neither System nor EventData, such as a rendered {@code Message}. */
    public void extra(String name, String value) {
        builder.add(name, value);
    }

    public String channel() {
        return channel;
    }

    public String get(String name) {
        return builder.get(name);
    }

    /** Sets the event's raw text, or a way to render it. */
    public void raw(java.util.function.Supplier<String> raw) {
        builder.raw(raw);
    }

    /** Sets the event time text when the format keeps it outside {@code TimeCreated}; an earlier time wins. */
    public void timeText(String text) {
        if (timeText == null) {
            timeText = text;
        }
    }

    /**
     * Finishes the event. Throws {@link IllegalArgumentException} when the time is missing or unreadable, so the
     * caller can skip the record with a problem report.
     */
    public Event build(Origin origin) {
        if (timeText == null) {
            throw new InvalidEventException(InvalidEventException.MISSING_TIME,
                    "no event time: expected TimeCreated/@SystemTime, or @timestamp in a JSON export", null);
        }
        try {
            builder.time(Timestamps.parseMicros(timeText));
        } catch (IllegalArgumentException e) {
            throw new InvalidEventException(InvalidEventException.MISSING_TIME, e.getMessage(), e);
        }
        builder.sourceType(SOURCETYPE);
        builder.source(channel == null ? SOURCETYPE : SOURCETYPE + ":" + channel);
        builder.origin(origin);
        return builder.build();
    }

    /** Returns a channel name in the case Windows uses for the well-known logs, for sources such as JSON exports. */
    public static String canonicalChannel(String channel) {
        return switch (channel.toLowerCase(Locale.ROOT)) {
            case "security" -> "Security";
            case "system" -> "System";
            case "application" -> "Application";
            default -> channel;
        };
    }
}
