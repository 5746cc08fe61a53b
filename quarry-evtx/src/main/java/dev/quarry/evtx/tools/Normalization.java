package dev.quarry.evtx.tools;

import dev.quarry.evtx.Element;
import java.util.Map;

/**
 * Rules that make our fields and evtxexport's comparable where the two decoders legitimately
 * format a value differently, and the known reasons for the differences that remain.
 */
final class Normalization {

    /** Why a field differs: a disagreement kind and whether its reason is known. */
    record Explanation(String kind, boolean explained) {
    }

    private Normalization() {
    }

    /** Returns the comparable fields of an event, keyed by path, in document order. */
    static Map<String, String> fields(Element event) {
        Map<String, String> fields = RecordComparison.toMap(EventFields.of(event));
        fields.replaceAll((path, value) -> normalizeValue(value));
        return fields;
    }

    /**
     * Applies the value rules shared by both sides. Characters that XML 1.0 cannot carry become
     * U+FFFD, because evtxexport writes them raw and its output is sanitized before parsing.
     * Line ends become line feeds, as an XML parser turns CR LF into LF.
     */
    static String normalizeValue(String value) {
        return LibevtxExport.sanitize(value).replace("\r\n", "\n").replace('\r', '\n');
    }

    /**
     * Handles a string value that contains markup: evtxexport 20181227 writes it unescaped, so
     * its output has child elements where our tree has text. When that happened, removes the
     * field and the child fields from evtxexport's side and returns true.
     */
    static boolean removeUnescapedMarkup(String path, String ourValue, Map<String, String> theirFields) {
        if (ourValue.indexOf('<') < 0) {
            return false;
        }
        String childPrefix = path + "/";
        boolean hasChildren = theirFields.keySet().stream().anyMatch(key -> key.startsWith(childPrefix));
        if (!hasChildren) {
            return false;
        }
        theirFields.keySet().removeIf(key -> key.equals(path) || key.startsWith(childPrefix));
        return true;
    }

    /** Explains a field we have and evtxexport lacks. */
    static Explanation explainExtra(String path, String value, Element ours) {
        if (path.startsWith("Event/RenderingInfo[")) {
            return new Explanation("libevtx renders only the first fragment of a BinXML value, so it drops"
                    + " the RenderingInfo fragment that follows EventData in the same value", true);
        }
        return new Explanation("field in our tree but missing from evtxexport output", false);
    }

    /** Explains a field whose value differs. */
    static Explanation explainDifference(String path, String ours, String theirs) {
        if (isLibevtxNegativeInteger(ours, theirs)) {
            return new Explanation("libevtx prints a negative integer as a minus sign and its low 31 (or 63)"
                    + " bits, for example 0x8004805F as -295007 instead of -2147188641", true);
        }
        if (dropUnitAfterReplacement(ours).equals(theirs)) {
            return new Explanation("libevtx also drops the UTF-16 unit after an unpaired surrogate; we replace"
                    + " only the surrogate with U+FFFD", true);
        }
        if (theirs.isEmpty() && !ours.isEmpty() && ours.chars().allMatch(c -> c == '\n')) {
            return new Explanation("libevtx prints a string value made only of a line break as empty", true);
        }
        return new Explanation("field value differs", false);
    }

    /** Returns the text without the character that follows each U+FFFD. */
    static String dropUnitAfterReplacement(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            out.append(text.charAt(i));
            if (text.charAt(i) == '\uFFFD') {
                i++;
            }
        }
        return out.toString();
    }

    /**
     * Tells whether evtxexport printed our negative integer as "-" followed by the value with
     * its sign bit cleared, as evtxexport 20181227 does for 32- and 64-bit signed integers.
     */
    static boolean isLibevtxNegativeInteger(String ours, String theirs) {
        long value;
        try {
            value = Long.parseLong(ours);
        } catch (NumberFormatException e) {
            return false;
        }
        if (value >= 0 || !theirs.startsWith("-")) {
            return false;
        }
        String magnitude = theirs.substring(1);
        return magnitude.equals(Long.toString(value & 0x7fffffffL))
                || magnitude.equals(Long.toString(value & Long.MAX_VALUE));
    }
}
