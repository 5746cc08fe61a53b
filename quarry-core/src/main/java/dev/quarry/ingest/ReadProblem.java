package dev.quarry.ingest;

/**
 * Input that could not be read: where it is, why, and what the reader did (a record skipped, a file skipped).
 * {@code reason} is a short category used for counting in the run summary, such as {@code invalid JSON};
 * {@code message} is the full sentence shown to the user.
 */
public record ReadProblem(Origin origin, String reason, String message) {
    @Override
    public String toString() {
        return origin + ": " + message;
    }
}
