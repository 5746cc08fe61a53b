package dev.quarry.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Escapes that can spell a literal in other characters make the prefilter let a record through. */
class EscapesTest {
    private static boolean inBytes(String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return Escapes.any(b, 0, b.length);
    }

    @Test
    void jsonUnicodeEscape() {
        String line = "{\"Image\":\"C:\\\\W\\\\CERTUT\\u0130L.EXE\"}";
        assertThat(inBytes(line)).isTrue();
        assertThat(Escapes.any(line)).isTrue();
    }

    @Test
    void escapedBackslashBeforeUIsNoEscape() {
        String line = "{\"Image\":\"C:\\\\users\\\\x.exe\",\"padding\":\"0123456789abcdef\"}";
        assertThat(inBytes(line)).isFalse();
        assertThat(Escapes.any(line)).isFalse();
    }

    @Test
    void xmlCharacterReference() {
        assertThat(inBytes("<Data Name='Image'>cert&#117;til.exe</Data>")).isTrue();
        assertThat(inBytes("<Data Name='Image'>a &amp; b</Data>")).isFalse();
    }

    @Test
    void escapeAtRangeEdges() {
        assertThat(inBytes("1234567\\u0041")).isTrue();
        assertThat(inBytes("12345678\\")).isFalse();
        byte[] b = "ab\\u0041".getBytes(StandardCharsets.UTF_8);
        assertThat(Escapes.any(b, 0, 3)).isFalse();
        assertThat(Escapes.any(b, 2, b.length)).isTrue();
    }
}
