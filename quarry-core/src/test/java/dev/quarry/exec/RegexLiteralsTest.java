package dev.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/** The literals that every match of a regular expression contains. */
class RegexLiteralsTest {
    private static String of(String pattern) {
        RegexLiterals.Condition c = RegexLiterals.of(pattern);
        return c == null ? null : c.toString();
    }

    @Test
    void alternativesKeepTheirOwnLiterals() {
        assertThat(of("(?i)iex|invoke-expression")).isEqualTo("[[[iex]], [[invoke-expression]]]");
        assertThat(of("(?i)(mimik|brute.?force|Port.?Scan)"))
                .isEqualTo("[[[mimik]], [[brute], [force]], [[port], [scan]]]");
        assertThat(of("(?i)get-\\S+(credent|password)")).isEqualTo("[[[get-], [credent, password]]]");
    }

    @Test
    void escapesClassesAndQuantifiers() {
        assertThat(of("Reflection\\.Assembly")).isEqualTo("[[[reflection.assembly]]]");
        assertThat(of("(?i)[-]e(nc*o*d*)*\\s+[^-]")).isNull();
        assertThat(of("(?i)([-]ve*r*s*i*o*n*\\s+2)")).isNull();
        assertThat(of("(ab){2}cde")).isEqualTo("[[[cde]]]");
        assertThat(of("(?<name>abc)\\d+")).isEqualTo("[[[abc]]]");
        assertThat(of("(?:abc)+x")).isEqualTo("[[[abc]]]");
    }

    @Test
    void nothingWhereAnyBranchIsFree() {
        assertThat(of("abc|\\d+")).isNull();
        assertThat(of("(abc)?")).isNull();
        assertThat(of("ab")).isNull();
        assertThat(of("\\Qabc\\E")).isNull();
        assertThat(of("(abc)\\1")).isNull();
        assertThat(of("(?x)abc")).isNull();
    }

    @Test
    void mayMatchNeedsEveryLiteralOfABranch() {
        RegexLiterals.Condition c = RegexLiterals.of("(?i)(mimik|Port.?Scan)");
        assertThat(c.mayMatch("Import-Module x")).isFalse();
        assertThat(c.mayMatch("port 22 scan")).isTrue();
        assertThat(c.mayMatch("MIMIKATZ")).isTrue();
    }

    /** A generated pattern and a text built to match it often (anchors and lookaround may still prevent it). */
    record Case(String pattern, String example) {
    }

    /** Soundness: whenever the expression finds a match, the text holds one of the literals. */
    @Property(tries = 10000)
    void everyMatchHoldsALiteral(@ForAll("cases") Case c, @ForAll("texts") String prefix,
            @ForAll("texts") String suffix, @ForAll boolean upper) {
        String pattern = numberGroups(c.pattern());
        RegexLiterals.Condition literals = RegexLiterals.of(pattern);
        String example = upper ? c.example().toUpperCase(java.util.Locale.ROOT) : c.example();
        String text = prefix + example + suffix;
        boolean found = Pattern.compile(pattern, Pattern.UNIX_LINES).matcher(text).find();
        net.jqwik.api.statistics.Statistics.collect(literals == null ? "no literals" : found ? "match" : "no match");
        if (found && literals != null) {
            assertThat(literals.mayMatch(text)).as(pattern + " on " + text + ": " + literals).isTrue();
        }
    }

    /** Java rejects two groups of one name, so each generated named group gets its own. */
    private static String numberGroups(String pattern) {
        StringBuilder out = new StringBuilder();
        int n = 0;
        int from = 0;
        for (int at = pattern.indexOf("(?<g>"); at >= 0; at = pattern.indexOf("(?<g>", from)) {
            out.append(pattern, from, at).append("(?<g").append(++n).append('>');
            from = at + 5;
        }
        return out.append(pattern.substring(from)).toString();
    }

    @Provide
    Arbitrary<Case> cases() {
        return node(3);
    }

    private Arbitrary<Case> node(int depth) {
        Arbitrary<Case> leaf = Arbitraries.oneOf(
                Arbitraries.strings().withChars("abcAB-.").ofMinLength(1).ofMaxLength(5)
                        .map(t -> new Case(t.replace(".", "\\."), t)),
                Arbitraries.of(new Case("\\.", "."), new Case("\\-", "-"), new Case("[ab]", "b"),
                        new Case("[-]", "-"), new Case("[^a]", "c"), new Case(".", "x"), new Case("\\s", " "),
                        new Case("\\S", "q"), new Case("\\d", "7"), new Case("\\b", ""), new Case("^", ""),
                        new Case("$", ""), new Case("(?i)", ""), new Case("(?=a)", ""), new Case("(?!b)", "")));
        if (depth == 0) {
            return leaf;
        }
        Arbitrary<Case> inner = node(depth - 1);
        return Arbitraries.oneOf(leaf,
                Combinators.combine(inner, inner).as((a, b) -> new Case(a.pattern() + b.pattern(),
                        a.example() + b.example())),
                Combinators.combine(inner, inner, Arbitraries.of(true, false)).as((a, b, left) -> new Case(
                        "(" + a.pattern() + "|" + b.pattern() + ")", left ? a.example() : b.example())),
                Combinators.combine(inner, inner, Arbitraries.of(true, false)).as((a, b, left) -> new Case(
                        a.pattern() + "|" + b.pattern(), left ? a.example() : b.example())),
                Combinators.combine(inner, Arbitraries.of("*", "+", "?", "{2}", "{1,3}", "{0,2}", "+?", "*+"))
                        .as((a, q) -> new Case("(?:" + a.pattern() + ")" + q,
                                q.equals("{2}") || q.startsWith("+") ? a.example() + a.example() : a.example())),
                inner.map(a -> new Case("(?<g>" + a.pattern() + ")", a.example())),
                inner.map(a -> new Case("(?i:" + a.pattern() + ")", a.example())));
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars("abAB-. \u0130\u0131\u017F\u212A").ofMaxLength(6);
    }
}
