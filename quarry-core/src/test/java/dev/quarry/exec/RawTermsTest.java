package dev.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** The fast search for a term without wildcards agrees with testing every token of the text. */
class RawTermsTest {
    @Property(tries = 5000)
    void exactTermAgreesWithTokens(@ForAll("terms") String term, @ForAll("texts") String text) {
        Row row = new Row();
        row.put("_raw", Value.str(text));
        WildcardPattern pattern = WildcardPattern.compile(term);
        boolean byTokens = RawTerms.containsTerm(row, pattern::matches);
        assertThat(RawTerms.containsExactTerm(row, CaseFold.fold(term))).as(term + " in " + text)
                .isEqualTo(byTokens);
    }

    @Provide
    Arbitrary<String> terms() {
        return Arbitraries.strings().withChars("abAB.\u0130\u0131\u017F\u212A").ofMinLength(1).ofMaxLength(3);
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB. =,\"\u0130\u0131\u017F\u212A\u2003").ofMaxLength(16);
    }
}
