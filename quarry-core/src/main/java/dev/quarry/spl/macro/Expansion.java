package dev.quarry.spl.macro;

import java.util.List;

/**
 * The result of macro expansion: the expanded text, the written text, and a map from offsets of the one to
 * offsets of the other, so that errors in expanded text point at what the user wrote.
 */
public final class Expansion {
    /** A run of expanded text that came from {@code originalStart} of the written text, or from a macro call there. */
    record Segment(int expandedStart, int expandedEnd, int originalStart, String macro) {
    }

    private final String text;
    private final String original;
    private final List<Segment> segments;

    Expansion(String text, String original, List<Segment> segments) {
        this.text = text;
        this.original = original;
        this.segments = List.copyOf(segments);
    }

    /** Returns the expanded search text, ready to parse. */
    public String text() {
        return text;
    }

    public String original() {
        return original;
    }

    /** A place in the written text: 1-based line and column, and the macro whose expansion it is in, if any. */
    public record Location(int line, int column, String macro) {
        @Override
        public String toString() {
            String at = "line " + line + ":" + column;
            return macro == null ? at : at + " (in the expansion of macro `" + macro + "`)";
        }
    }

    /** Maps an offset of the expanded text (-1 for its end) to the written text. */
    public Location locate(int expandedOffset) {
        int originalOffset = original.length();
        String macro = null;
        if (expandedOffset >= 0) {
            for (Segment s : segments) {
                if (expandedOffset >= s.expandedStart() && expandedOffset < s.expandedEnd()) {
                    macro = s.macro();
                    originalOffset = macro == null
                            ? s.originalStart() + (expandedOffset - s.expandedStart())
                            : s.originalStart();
                    break;
                }
            }
        }
        return locateOriginal(originalOffset, macro);
    }

    /** Locates an offset of a written search text, for errors found before expansion finished. */
    public static Location locate(String text, int offset, String macro) {
        return new Expansion(text, text, List.of()).locateOriginal(Math.max(0, offset), macro);
    }

    private Location locateOriginal(int offset, String macro) {
        int line = 1;
        int column = 1;
        for (int i = 0; i < Math.min(offset, original.length()); i++) {
            if (original.charAt(i) == '\n') {
                line++;
                column = 1;
            } else {
                column++;
            }
        }
        return new Location(line, column, macro);
    }
}
