package dev.quarry.evtx;

import java.io.IOException;
import java.nio.file.Path;

/**
 * The file is not an EVTX file: its header is missing or has the wrong signature. This is the
 * only damage the reader throws for; damage after the file header becomes an {@link EvtxWarning}.
 */
public final class EvtxFormatException extends IOException {
    private static final long serialVersionUID = 1L;

    private final transient Path file;
    private final long offset;

    public EvtxFormatException(Path file, long offset, String message) {
        super(file + " at offset " + offset + ": " + message);
        this.file = file;
        this.offset = offset;
    }

    public Path file() {
        return file;
    }

    public long offset() {
        return offset;
    }
}
