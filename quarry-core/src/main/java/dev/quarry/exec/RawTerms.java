package dev.quarry.exec;

/**
 * Bare search terms. Splunk matches a term against the indexed tokens of {@code _raw}: the text between major
 * breakers (whitespace and {@code , ; | ( ) [ ] { } " ' = < > &} and similar). Quarry does the same on
 * {@code _raw} when the row has one, and otherwise on each field value, since rows after a transforming command
 * and normalized events carry no raw text.
 */
final class RawTerms {
    private RawTerms() {
    }

    static boolean containsTerm(FieldSource fields, WildcardPattern pattern) {
        Value raw = fields.get("_raw");
        if (raw != null) {
            return textContainsTerm(raw.text(), pattern);
        }
        if (fields instanceof Row row) {
            for (Value v : row.asMap().values()) {
                for (Value one : Value.list(v)) {
                    if (textContainsTerm(one.text(), pattern)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean textContainsTerm(String text, WildcardPattern pattern) {
        if (pattern.text().indexOf(' ') >= 0) {
            return WildcardPattern.compile("*" + pattern.text() + "*").matches(text);
        }
        int i = 0;
        int n = text.length();
        while (i < n) {
            while (i < n && isMajorBreaker(text.charAt(i))) {
                i++;
            }
            int start = i;
            while (i < n && !isMajorBreaker(text.charAt(i))) {
                i++;
            }
            if (i > start && pattern.matches(text.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMajorBreaker(char c) {
        return Character.isWhitespace(c) || "[](){}|!;,'\"=<>&".indexOf(c) >= 0;
    }
}
