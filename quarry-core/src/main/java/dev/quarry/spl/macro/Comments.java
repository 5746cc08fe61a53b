package dev.quarry.spl.macro;

/**
 * Removes SPL comments: each {@code ```...```} outside double quotes becomes one space. This runs before macro
 * expansion, because a comment would otherwise look like a macro call.
 */
public final class Comments {
    private static final String MARK = "```";

    private Comments() {
    }

    public static String strip(String search) {
        if (!search.contains(MARK)) {
            return search;
        }
        StringBuilder sb = new StringBuilder(search.length());
        boolean inQuotes = false;
        int i = 0;
        while (i < search.length()) {
            char c = search.charAt(i);
            if (c == '\\' && i + 1 < search.length()) {
                sb.append(c).append(search.charAt(i + 1));
                i += 2;
                continue;
            }
            if (c == '"') {
                inQuotes = !inQuotes;
            }
            if (!inQuotes && search.startsWith(MARK, i)) {
                int end = search.indexOf(MARK, i + MARK.length());
                if (end < 0) {
                    throw new MacroException("unterminated comment: ``` without its closing ```", i, null);
                }
                sb.append(' ');
                i = end + MARK.length();
                continue;
            }
            sb.append(c);
            i++;
        }
        return sb.toString();
    }
}
