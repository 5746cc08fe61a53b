package dev.quarry.evtx;

/**
 * Receives the records of a file in record order, and the warnings for damage between them.
 * The reader calls a sink from one thread at a time, even when it decodes in parallel.
 */
public interface EvtxSink {

    /** Receives the next record. */
    void record(EvtxRecord record);

    /** Receives a warning about a skipped chunk or record; the default ignores it. */
    default void warning(EvtxWarning warning) {
    }
}
