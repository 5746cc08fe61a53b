package dev.quarry.evtx;

import java.nio.file.Path;
import java.util.Objects;

/**
 * Damage found while reading, reported instead of thrown so that reading goes on.
 *
 * @param file the file being read
 * @param offset byte offset of the damage from the start of the file
 * @param message what was found, what was expected and what was skipped
 */
public record EvtxWarning(Path file, long offset, String message) {

    public EvtxWarning {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(message, "message");
    }

    @Override
    public String toString() {
        return file + " at offset " + offset + ": " + message;
    }
}
