package dev.quarry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;

/** Reads an EVTX file, recognized by its header, into events. */
public interface EvtxInput {
    /**
     * Reads the EVTX input {@code name}. {@code file} is the file on disk when the input is a plain file, or null
     * when it comes out of an archive, in which case {@code in} holds its bytes.
     */
    void read(String name, Path file, InputStream in, IngestListener listener) throws IOException;

    /** The EVTX reader with default options: chunks decoded on every available processor. */
    static EvtxInput defaults() {
        return new EvtxEventReader(dev.quarry.evtx.EvtxOptions.defaults());
    }
}
