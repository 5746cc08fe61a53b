package dev.quarry.ingest;

/**
 * Input that could not be read as it should: where it is, why, and what the reader did. {@code reason} is a short
 * category used for counting in the run summary, such as {@code invalid JSON}; {@code message} is the full
 * sentence shown to the user. {@code skipped} is false for damage the reader worked around without losing
 * events, such as an EVTX chunk whose checksum is wrong but whose records all decode. {@code lost} is how many
 * units the summary counts as skipped: one event or file, or the damaged records and chunks of an EVTX file.
 */
public record ReadProblem(Origin origin, String reason, String message, boolean skipped, long lost) {
    public ReadProblem(Origin origin, String reason, String message) {
        this(origin, reason, message, true);
    }

    public ReadProblem(Origin origin, String reason, String message, boolean skipped) {
        this(origin, reason, message, skipped, skipped ? 1 : 0);
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
