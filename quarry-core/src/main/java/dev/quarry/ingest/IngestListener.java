package dev.quarry.ingest;

/** Receives what the readers produce: events, problems, and the start of each input. */
public interface IngestListener {
    void event(Event event);

    void problem(ReadProblem problem);

    /** Called when a reader starts on an input file or archive entry; {@code kind} names the recognized format. */
    default void inputStarted(String name, String kind) {
    }

    /** Called for a record the prefilter passed over without parsing, because no detection could match it. */
    default void passedOver() {
    }

    /** Called from time to time with the number of bytes consumed so far, for progress display. */
    default void bytesRead(long delta) {
    }
}
