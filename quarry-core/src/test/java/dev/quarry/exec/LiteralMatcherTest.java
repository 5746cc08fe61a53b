package dev.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.AlphaChars;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The literal matcher finds any of its literals, ignoring case, in bytes and in chars alike. */
class LiteralMatcherTest {
    private static boolean inBytes(LiteralMatcher m, String text) {
        byte[] b = text.getBytes(StandardCharsets.UTF_8);
        return m.containsAny(b, 0, b.length);
    }

    @Test
    void findsAnyLiteralIgnoringCase() {
        LiteralMatcher m = LiteralMatcher.of(List.of("certutil", "urlcache", "sqlservr.exe"));
        assertThat(inBytes(m, "{\"Image\":\"C:\\\\Windows\\\\System32\\\\CertUtil.exe\"}")).isTrue();
        assertThat(m.containsAny("<Data Name='ParentImage'>SQLSERVR.EXE</Data>")).isTrue();
        assertThat(inBytes(m, "cmd.exe /c dir")).isFalse();
    }

    @Test
    void overlappingLiteralsUseFailureLinks() {
        LiteralMatcher m = LiteralMatcher.of(List.of("abcd", "bce"));
        assertThat(m.containsAny("xxabcexx")).isTrue();
        assertThat(m.containsAny("xxabcxx")).isFalse();
    }

    @Test
    void nonAsciiTextNeitherMatchesNorBreaksMatching() {
        LiteralMatcher m = LiteralMatcher.of(List.of("jörg".replace("ö", "o")));
        assertThat(inBytes(m, "j\u00f6rg")).isFalse();
        assertThat(inBytes(m, "\u00e9\u00e9 jorg \u4e2d")).isTrue();
    }

    @Test
    void lettersThatFoldToAsciiAreRead() {
        LiteralMatcher m = LiteralMatcher.of(List.of("certutil", "kelvin", "system"));
        assertThat(inBytes(m, "CERTUT\u0130L")).isTrue();
        assertThat(m.containsAny("CERTUT\u0130L")).isTrue();
        assertThat(inBytes(m, "certut\u0131l")).isTrue();
        assertThat(inBytes(m, "\u212Aelvin")).isTrue();
        assertThat(inBytes(m, "\u017Fystem")).isTrue();
    }

    @Property(tries = 300)
    void agreesWithIndexOf(@ForAll @AlphaChars @StringLength(min = 3, max = 6) String literal,
            @ForAll @AlphaChars @StringLength(max = 40) String before,
            @ForAll @AlphaChars @StringLength(max = 40) String after, @ForAll boolean include) {
        String text = before + (include ? literal.toUpperCase() : "") + after;
        LiteralMatcher m = LiteralMatcher.of(List.of(literal));
        boolean expected = text.toLowerCase().contains(literal.toLowerCase());
        assertThat(m.containsAny(text)).isEqualTo(expected);
        assertThat(inBytes(m, text)).isEqualTo(expected);
    }

    @Property(tries = 1000)
    void windowScanAgreesWithIndexOf(
            @ForAll @StringLength(min = 4, max = 7) @CharRange(from = 'a', to = 'd') String first,
            @ForAll @StringLength(min = 4, max = 9) @CharRange(from = 'a', to = 'd') String second,
            @ForAll @StringLength(max = 60) @CharRange(from = 'a', to = 'e') String text) {
        LiteralMatcher m = LiteralMatcher.of(List.of(first, second));
        String upper = text.toUpperCase();
        boolean expected = text.contains(first) || text.contains(second);
        assertThat(inBytes(m, text)).isEqualTo(expected);
        assertThat(inBytes(m, upper)).isEqualTo(expected);
        assertThat(m.containsAny(text)).isEqualTo(expected);
    }

    @Test
    void windowScanFindsMatchesAtBothEnds() {
        LiteralMatcher m = LiteralMatcher.of(List.of("certutil", "4688"));
        assertThat(inBytes(m, "certutil and more")).isTrue();
        assertThat(inBytes(m, "more text, then 4688")).isTrue();
        assertThat(inBytes(m, "certuti 468 8 certutl")).isFalse();
        assertThat(inBytes(m, "CERTUT\u0130L")).isTrue();
    }

    @Test
    @Timeout(60)
    void longRunsInsideAPartialMatchStayLinear() {
        // Zeros keep a match of the GUID-like literal open; each window's check is bounded by the longest literal.
        LiteralMatcher m = LiteralMatcher.of(List.of("00000003-0000-0000-c000-000000000000", "4688"));
        String zeros = "{\"Binary\":\"" + "0".repeat(2_000_000) + "\"}";
        assertThat(inBytes(m, zeros)).isFalse();
        assertThat(inBytes(m, zeros + " 4688")).isTrue();
    }
}
