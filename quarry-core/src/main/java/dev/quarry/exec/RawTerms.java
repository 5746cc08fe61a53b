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

    /**
     * A term without wildcards, given {@link CaseFold folded}: some token equals it, ignoring case. Found by searching the folded text for the
     * folded term and checking that each occurrence is a whole token, which gives the same answer as testing every
     * token ({@link CaseFold} keeps positions) without cutting the text into tokens.
     */
    static boolean containsExactTerm(FieldSource fields, String foldedTerm) {
        if (foldedTerm.isEmpty()) {
            return false;
        }
        Value raw = fields.get("_raw");
        if (raw != null) {
            return textContainsExactTerm(raw, foldedTerm);
        }
        if (fields instanceof Row row) {
            for (Value v : row.asMap().values()) {
                for (Value one : Value.list(v)) {
                    if (textContainsExactTerm(one, foldedTerm)) {
                        return true;
                    }
                }
            }
        }
        return false;
    }

    private static boolean textContainsExactTerm(Value value, String foldedTerm) {
        String text = value.text();
        String folded = value instanceof Value.Str s ? s.folded() : CaseFold.fold(text);
        int n = foldedTerm.length();
        for (int at = folded.indexOf(foldedTerm); at >= 0; at = folded.indexOf(foldedTerm, at + 1)) {
            boolean startsToken = at == 0 || isMajorBreaker(text.charAt(at - 1));
            boolean endsToken = at + n == text.length() || isMajorBreaker(text.charAt(at + n));
            if (startsToken && endsToken) {
                return true;
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
