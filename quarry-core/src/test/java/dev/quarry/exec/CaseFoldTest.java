package dev.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/** Folded texts compare equal exactly when the texts are equal ignoring case. */
class CaseFoldTest {
    @Test
    void asciiFoldsToLowerCase() {
        assertThat(CaseFold.fold("C:\\Windows\\CertUtil.EXE")).isEqualTo("c:\\windows\\certutil.exe");
    }

    @Test
    void unchangedTextIsTheSameString() {
        String text = "certutil.exe";
        assertThat(CaseFold.fold(text)).isSameAs(text);
    }

    @Test
    void nonAsciiLettersFoldLikeRegionMatches() {
        assertThat(CaseFold.fold("CERTUT\u0130L")).isEqualTo(CaseFold.fold("certut\u0131l"));
        assertThat(CaseFold.fold("\u212Aelvin")).isEqualTo("kelvin");
        assertThat(CaseFold.fold("J\u00d6RG")).isEqualTo("j\u00f6rg");
    }

    @Property(tries = 2000)
    void agreesWithRegionMatches(@ForAll @StringLength(max = 6) @CharRange(from = 'A', to = 'z')
            @CharRange(from = '\u00c0', to = '\u0180') @CharRange(from = '\u2120', to = '\u212c') String a,
            @ForAll @StringLength(max = 6) @CharRange(from = 'A', to = 'z')
            @CharRange(from = '\u00c0', to = '\u0180') @CharRange(from = '\u2120', to = '\u212c') String b) {
        boolean ignoringCase = a.length() == b.length() && a.regionMatches(true, 0, b, 0, a.length());
        assertThat(CaseFold.fold(a).equals(CaseFold.fold(b))).isEqualTo(ignoringCase);
        assertThat(CaseFold.fold(a)).hasSameSizeAs(a);
    }
}
