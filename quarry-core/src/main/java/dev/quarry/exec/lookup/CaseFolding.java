package dev.quarry.exec.lookup;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Case folding for case-insensitive lookups: both cells and values are lowercased with the root locale. */
final class CaseFolding {
    private CaseFolding() {
    }

    static String fold(String s, boolean caseSensitive) {
        return caseSensitive || s == null ? s : s.toLowerCase(Locale.ROOT);
    }

    static List<String> foldAll(List<String> values, boolean caseSensitive) {
        if (caseSensitive) {
            return values;
        }
        List<String> out = new ArrayList<>(values.size());
        for (String v : values) {
            out.add(fold(v, false));
        }
        return out;
    }
}
