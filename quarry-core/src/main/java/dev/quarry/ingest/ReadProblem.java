package dev.quarry.ingest;

/**
 * Input that could not be read as it should: where it is, why, and what the reader did. {@code reason} is a short
 * category used for counting in the run summary, such as {@code invalid JSON}; {@code message} is the full
 * sentence shown to the user. {@code skipped} is false for damage the reader worked around without losing
 * events, such as an EVTX chunk whose checksum is wrong but whose records all decode.
 */
public record ReadProblem(Origin origin, String reason, String message, boolean skipped) {
    public ReadProblem(Origin origin, String reason, String message) {
        this(origin, reason, message, true);
    }

    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
