package dev.quarry.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.exec.WildcardPattern;
import dev.quarry.spl.Spl;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** Which exact field values a filter requires, and the fold that makes them index keys. */
class ValueKeysTest {
    private static final UnaryOperator<String> STRIP = name -> name.startsWith("Processes.")
            ? name.substring("Processes.".length()) : name;

    private static Map<String, Set<String>> keys(String filter) {
        ValueKeys k = ValueKeys.of(Spl.parseSearch(filter), STRIP);
        return k == null ? null : k.anyOf();
    }

    @Test
    void processNameOrOriginalFileName() {
        assertThat(keys("(Processes.process_name=certutil.exe OR Processes.original_file_name=CertUtil.exe)"
                + " Processes.process=*urlcache*"))
                .containsExactly(Map.entry("process_name", Set.of("certutil.exe")),
                        Map.entry("original_file_name", Set.of("certutil.exe")));
    }

    @Test
    void inListsAndTheSmallestConjunct() {
        assertThat(keys("Processes.parent_process_name IN (sqlservr.exe, sqlagent.exe, sqlps.exe)"
                + " Processes.process_name=certutil.exe"))
                .containsExactly(Map.entry("process_name", Set.of("certutil.exe")));
        assertThat(keys("EventCode=4104 ScriptBlockText=*Invoke-Mimikatz*"))
                .containsExactly(Map.entry("EventCode", Set.of("4104")));
    }

    @Test
    void noKeysWhereAnyAlternativeHasNone() {
        assertThat(keys("Processes.process_name=*.exe")).isNull();
        assertThat(keys("Processes.process_name=a.exe OR Processes.process=*b*")).isNull();
        assertThat(keys("NOT Processes.process_name=a.exe")).isNull();
        assertThat(keys("Processes.process_name!=a.exe")).isNull();
        assertThat(keys("Processes.process_name IN (a.exe, *b*)")).isNull();
        assertThat(keys("mimikatz")).isNull();
    }

    @Test
    void foldMapsCaseVariantsTogether() {
        assertThat(ValueKeys.fold("CertUtil.EXE")).isEqualTo("certutil.exe");
        // KELVIN SIGN and LATIN SMALL LETTER LONG S equal k and s when case is ignored.
        assertThat(ValueKeys.fold("\u212Aey")).isEqualTo(ValueKeys.fold("KEY"));
        assertThat(ValueKeys.fold("\u017Fc")).isEqualTo(ValueKeys.fold("SC"));
        // DESERET CAPITAL LETTER LONG I and its small letter, outside the Basic Multilingual Plane.
        assertThat(ValueKeys.fold("\uD801\uDC00")).isEqualTo(ValueKeys.fold("\uD801\uDC28"));
    }

    /**
     * Soundness of the index: values the exact pattern finds equal share a key. The converse holds too, so the
     * index also passes over no more than it may.
     */
    @Property(tries = 3000)
    void equalValuesShareAKey(@ForAll("texts") String a, @ForAll("texts") String b) {
        assertThat(ValueKeys.fold(a).equals(ValueKeys.fold(b))).isEqualTo(WildcardPattern.compile(a).matches(b));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("aAkKsSiI\u0130\u0131\u017F\u212A\u00DF\u00FF\u0178\u03A3\u03C2\u03C3")
                .ofMaxLength(4);
    }
}
