package dev.quarry.ingest;

import dev.quarry.evtx.EvtxOptions;
import dev.quarry.evtx.ValueStyle;
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

    /**
     * The EVTX reader with default options: chunks decoded on every available processor, and values rendered as
     * Windows renders them ({@code 0x3e7}, not libevtx's {@code 0x000003e7}), which is what detections written for
     * Splunk compare against.
     */
    static EvtxInput defaults() {
        return new EvtxEventReader(EvtxOptions.defaults().withStyle(ValueStyle.WINDOWS));
    }
}
