package dev.quarry.evtx.binxml;

/** UTF-16 little-endian strings as EVTX stores them: no byte order mark, length given apart. */
final class Utf16 {
    private Utf16() {
    }

    /**
     * Decodes {@code length} UTF-16 code units, replacing each unpaired surrogate with U+FFFD and
     * keeping every other unit. (The JDK's UTF-16 decoder would also swallow the unit after an
     * unpaired high surrogate.)
     */
    static String decode(byte[] bytes, int offset, int length) {
        if (length == 0) {
            return "";
        }
        char[] chars = new char[length];
        boolean surrogates = false;
        for (int i = 0; i < length; i++) {
            char c = (char) ((bytes[offset + 2 * i] & 0xff) | (bytes[offset + 2 * i + 1] & 0xff) << 8);
            chars[i] = c;
            surrogates |= Character.isSurrogate(c);
        }
        if (surrogates) {
            replaceUnpairedSurrogates(chars);
        }
        return new String(chars);
    }

    private static void replaceUnpairedSurrogates(char[] chars) {
        for (int i = 0; i < chars.length; i++) {
            if (Character.isHighSurrogate(chars[i]) && i + 1 < chars.length && Character.isLowSurrogate(chars[i + 1])) {
                i++;
            } else if (Character.isSurrogate(chars[i])) {
                chars[i] = '\uFFFD';
            }
        }
    }

    /** Decodes a string value, dropping the end-of-string characters Windows often stores. */
    static String decodeValue(byte[] bytes, int offset, int byteSize) {
        int length = byteSize / 2;
        while (length > 0 && bytes[offset + 2 * length - 2] == 0 && bytes[offset + 2 * length - 1] == 0) {
            length--;
        }
        return decode(bytes, offset, length);
    }
}
