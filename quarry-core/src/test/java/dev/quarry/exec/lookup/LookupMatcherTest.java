package dev.quarry.exec.lookup;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The lookup matcher's indexes against a direct row-by-row reading of each match type, on constructed tables. */
class LookupMatcherTest {
    private static LookupTable table(String... cells) {
        List<String[]> rows = new ArrayList<>();
        for (String c : cells) {
            rows.add(new String[] {c});
        }
        return new LookupTable("test", List.of("c"), rows);
    }

    private static int[] match(LookupTable t, MatchType type, boolean caseSensitive, int max, String... values) {
        LookupMatcher m = LookupMatcher.build(t, List.of(new LookupMatcher.Column(0, type)), caseSensitive);
        return m.match(List.of(List.of(values)), max);
    }

    /** Matches a wildcard cell through a regular expression in which {@code *} is {@code .*} and the rest literal. */
    private static boolean wildcardByRegex(String cell, String value, boolean caseSensitive) {
        String pattern = caseSensitive ? cell : cell.toLowerCase(Locale.ROOT);
        String text = caseSensitive ? value : value.toLowerCase(Locale.ROOT);
        List<String> quoted = new ArrayList<>();
        for (String part : pattern.split("\\*", -1)) {
            quoted.add(Pattern.quote(part));
        }
        return Pattern.compile(String.join(".*", quoted), Pattern.DOTALL).matcher(text).matches();
    }

    @Test
    void wildcardIndexAgreesWithRegexOnRandomTables() {
        Random random = new Random(20240501);
        String alphabet = "abAB.*";
        for (int round = 0; round < 400; round++) {
            String[] cells = new String[1 + random.nextInt(30)];
            for (int i = 0; i < cells.length; i++) {
                cells[i] = random.nextInt(10) == 0 ? null : text(random, alphabet, 1 + random.nextInt(9));
            }
            LookupTable t = table(cells);
            boolean caseSensitive = random.nextBoolean();
            List<String> values = new ArrayList<>();
            for (int v = 1 + random.nextInt(2); v > 0; v--) {
                values.add(text(random, "abAB.", random.nextInt(12)));
            }
            int[] expected = IntStream.range(0, cells.length)
                    .filter(r -> cells[r] != null
                            && values.stream().anyMatch(v -> wildcardByRegex(cells[r], v, caseSensitive)))
                    .toArray();
            int[] actual = match(t, MatchType.WILDCARD, caseSensitive, 1000, values.toArray(new String[0]));
            assertThat(actual).as("cells %s, values %s, case-sensitive %s", Arrays.toString(cells), values,
                    caseSensitive).containsExactly(expected);
        }
    }

    private static String text(Random random, String alphabet, int length) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < length; i++) {
            sb.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return sb.toString();
    }

    @Test
    void wildcardWithLongLiteralsUsesSubstringIndex() {
        LookupTable t = table("*.duckdns.org*", "*.no-ip.com*", "*dyn*", "exact.example.com", "*");
        assertThat(match(t, MatchType.WILDCARD, false, 1000, "a.DuckDNS.org")).containsExactly(0, 4);
        assertThat(match(t, MatchType.WILDCARD, false, 1000, "x.dynu.net")).containsExactly(2, 4);
        assertThat(match(t, MatchType.WILDCARD, false, 1000, "EXACT.example.com")).containsExactly(3, 4);
        assertThat(match(t, MatchType.WILDCARD, true, 1000, "a.DuckDNS.org")).containsExactly(4);
    }

    @Test
    void exactIgnoresStars() {
        LookupTable t = table("a*", "a");
        assertThat(match(t, MatchType.EXACT, true, 1000, "ab")).isEmpty();
        assertThat(match(t, MatchType.EXACT, true, 1000, "a*")).containsExactly(0);
    }

    @Test
    void exactCaseFolding() {
        LookupTable t = table("Ab", "aB", "c");
        assertThat(match(t, MatchType.EXACT, true, 1000, "ab")).isEmpty();
        assertThat(match(t, MatchType.EXACT, false, 1000, "AB")).containsExactly(0, 1);
    }

    @Test
    void maxMatchesKeepsFirstRows() {
        LookupTable t = table("x", "y", "x", "x");
        assertThat(match(t, MatchType.EXACT, true, 2, "x")).containsExactly(0, 2);
    }

    @Test
    void multivalueRowsInTableOrderOnce() {
        LookupTable t = table("x", "y", "z");
        assertThat(match(t, MatchType.EXACT, true, 1000, "z", "x", "z")).containsExactly(0, 2);
    }

    @Test
    void cidrBlocks() {
        LookupTable t = table("10.0.0.0/8", "10.1.0.0/16", "10.1.2.3", "fe80::/10", "10.0.0.0/33", "host", "0.0.0.0/0");
        assertThat(match(t, MatchType.CIDR, true, 1000, "10.1.2.3")).containsExactly(0, 1, 2, 6);
        assertThat(match(t, MatchType.CIDR, true, 1000, "10.1.2.4")).containsExactly(0, 1, 6);
        assertThat(match(t, MatchType.CIDR, true, 1000, "FE80::1")).containsExactly(3);
        assertThat(match(t, MatchType.CIDR, true, 1000, "host")).isEmpty();
        assertThat(match(t, MatchType.CIDR, true, 1000, "11.0.0.1")).containsExactly(6);
    }

    @Test
    void cidrPrefixInsideAByte() {
        LookupTable t = table("192.168.1.64/26");
        assertThat(match(t, MatchType.CIDR, true, 1000, "192.168.1.127")).containsExactly(0);
        assertThat(match(t, MatchType.CIDR, true, 1000, "192.168.1.128")).isEmpty();
        assertThat(match(t, MatchType.CIDR, true, 1000, "192.168.1.63")).isEmpty();
    }

    @Test
    void everyColumnMustMatch() {
        LookupTable t = new LookupTable("test", List.of("user", "net"), List.of(
                new String[] {"alice", "10.0.0.0/8"},
                new String[] {"*", "192.168.0.0/16"},
                new String[] {"bob", "10.0.0.0/8"}));
        LookupMatcher m = LookupMatcher.build(t, List.of(new LookupMatcher.Column(0, MatchType.WILDCARD),
                new LookupMatcher.Column(1, MatchType.CIDR)), true);
        assertThat(m.match(List.of(List.of("bob"), List.of("10.9.9.9")), 1000)).containsExactly(2);
        assertThat(m.match(List.of(List.of("bob"), List.of("192.168.3.3")), 1000)).containsExactly(1);
        assertThat(m.match(List.of(List.of("carol"), List.of("10.9.9.9")), 1000)).isEmpty();
    }
}
