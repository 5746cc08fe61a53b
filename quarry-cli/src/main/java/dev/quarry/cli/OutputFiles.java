package dev.quarry.cli;

import java.nio.file.Files;
import java.nio.file.Path;

/** Checks of output files before a run starts, so that a long run is not lost to a path it cannot write. */
final class OutputFiles {
    private OutputFiles() {
    }

    /** Throws a usage error naming {@code file} when it cannot be created or overwritten. A null file passes. */
    static void checkWritable(Path file, String option) {
        if (file == null) {
            return;
        }
        Path absolute = file.toAbsolutePath();
        Path folder = absolute.getParent();
        if (Files.isDirectory(absolute)) {
            throw new UsageException(option + " " + file + ": is a folder; give a file name");
        }
        if (folder != null && !Files.isDirectory(folder)) {
            throw new UsageException(option + " " + file + ": folder " + folder + " does not exist; create it first");
        }
        if (Files.exists(absolute) ? !Files.isWritable(absolute) : folder != null && !Files.isWritable(folder)) {
            throw new UsageException(option + " " + file + ": permission denied; choose a writable place");
        }
    }
}
