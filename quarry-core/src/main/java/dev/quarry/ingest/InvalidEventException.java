package dev.quarry.ingest;

/** A record that cannot become an event; {@code reason} is the category counted in the run summary. */
final class InvalidEventException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    static final String MISSING_TIME = "missing or invalid time";

    private final String reason;

    InvalidEventException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    String reason() {
        return reason;
    }

    /** The reason category of any exception a record conversion throws. */
    static String reasonOf(IllegalArgumentException e) {
        if (e instanceof InvalidEventException i) {
            return i.reason();
        }
        String m = e.getMessage() == null ? "" : e.getMessage();
        if (m.startsWith("invalid XML")) {
            return "invalid XML";
        }
        if (m.startsWith("invalid timestamp")) {
            return MISSING_TIME;
        }
        return "invalid event";
    }
}
