package dev.quarry.content;

import dev.quarry.spl.macro.MacroLibrary;
import java.util.List;

/**
 * Loaded content: detections, the macro library (built-in CIM macros, then each content folder's macros in
 * order, later ones replacing earlier ones), the lookup tables, and the problems met while loading.
 */
public record ContentPack(List<Detection> detections, MacroLibrary macros, Lookups lookups,
        List<ContentProblem> problems) {
    public ContentPack {
        detections = List.copyOf(detections);
        problems = List.copyOf(problems);
    }
}
