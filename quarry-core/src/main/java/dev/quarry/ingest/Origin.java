package dev.quarry.ingest;

/**
 * Where an event or a problem sits in the input: the file (with the archive entry, if any) and a position that
 * a person can find again, such as {@code line 12} or {@code record 706650 at offset 0x11200}.
 */
public record Origin(String file, String position) {
    public static final Origin UNKNOWN = new Origin("", "");

    @Override
    public String toString() {
        return position.isEmpty() ? file : file + ", " + position;
    }
}
