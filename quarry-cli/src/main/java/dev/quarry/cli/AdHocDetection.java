package dev.quarry.cli;

import dev.quarry.content.Detection;
import java.util.List;

/** A search typed on the command line, wrapped as a detection without risk settings so it runs like one. */
final class AdHocDetection {
    private AdHocDetection() {
    }

    static Detection of(String search) {
        return new Detection("search", null, null, null, search, null, null, null, List.of(), List.of(), List.of(),
                null, null, 0, null, List.of(), List.of(), List.of(), List.of(), "(command line)", 0);
    }
}
