package dev.quarry.spl;

/**
 * The one level of backslash unescaping that Splunk applies to command arguments, quoted or not:
 * {@code \\} becomes {@code \}, {@code \"} becomes {@code "} and {@code \|} becomes {@code |}; any other
 * backslash is kept with the character after it, so {@code C:\Windows} keeps its backslash.
 */
public final class Unescape {
    private Unescape() {
    }

    /** Removes surrounding double quotes, if any, then unescapes. */
    public static String argument(String token) {
        String s = token;
        if (s.length() >= 2 && s.charAt(0) == '"' && s.charAt(s.length() - 1) == '"') {
            s = s.substring(1, s.length() - 1);
        }
        return unescape(s);
    }

    public static String unescape(String s) {
        if (s.indexOf('\\') < 0) {
            return s;
        }
        StringBuilder sb = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == '\\' || next == '"' || next == '|') {
                    sb.append(next);
                    i++;
                    continue;
                }
            }
            sb.append(c);
        }
        return sb.toString();
    }

    /** Removes the single quotes of an eval field name such as {@code 'Processes.process'}. */
    public static String quotedName(String token) {
        if (token.length() >= 2 && token.charAt(0) == '\'' && token.charAt(token.length() - 1) == '\'') {
            String inner = token.substring(1, token.length() - 1);
            return inner.replace("\\'", "'").replace("\\\\", "\\");
        }
        return token;
    }
}
