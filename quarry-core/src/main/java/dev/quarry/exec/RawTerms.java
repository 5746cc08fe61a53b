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

    static boolean containsTerm(FieldSource fields, java.util.function.Predicate<String> pattern) {
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

    static boolean textContainsTerm(String text, java.util.function.Predicate<String> pattern) {
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
            if (i > start && pattern.test(text.substring(start, i))) {
                return true;
            }
        }
        return false;
    }

    /** A quoted phrase with breakers inside matches as a substring of {@code _raw} or of a field value. */
    static boolean containsPhrase(FieldSource fields, WildcardPattern phrase) {
        Value raw = fields.get("_raw");
        if (raw != null) {
            return phrase.matches(raw.text());
        }
        if (fields instanceof Row row) {
            for (Value v : row.asMap().values()) {
                for (Value one : Value.list(v)) {
                    if (phrase.matches(one.text())) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    static boolean hasBreaker(String text) {
        for (int i = 0; i < text.length(); i++) {
            if (isMajorBreaker(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    private static boolean isMajorBreaker(char c) {
        return Character.isWhitespace(c) || "[](){}|!;,'\"=<>&".indexOf(c) >= 0;
    }
}
