package dev.quarry.exec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.regex.Matcher;
import java.util.regex.PatternSyntaxException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** PCRE constructs that Java's engine reads differently, translated by {@link Regexes}. */
class RegexesTest {
    @ParameterizedTest(name = "{0} on {1}")
    @CsvSource(delimiterString = " => ", quoteCharacter = '`', value = {
        // A brace that does not start a quantifier is literal in PCRE.
        "(^%{|^)(?P<v>.*?)(}$|$) => %{S-1-5} => S-1-5",
        "a{,2}(?<v>b) => a{,2}b => b",
        "(?<v>a{2}) => aaa => aa",
        "(?<v>a{2,}) => aaa => aaa",
        // The braces of \x{...} and \p{...} belong to the escape.
        "(?<v>\\x{41}\\p{Lu}) => xAB => AB",
        // \Q...\E quotes braces too.
        "(?<v>\\Q{a}\\E) => x{a} => {a}",
        // '[' and '&' are literal inside a class.
        "(?<v>[[a]+) => x[a[ => [a[",
        "(?<v>[^&&]+) => ab&&c => ab",
        // POSIX classes.
        "(?<v>[[:digit:]]+) => ab12 => 12",
        // Group name syntaxes and back-references by name.
        "(?'v'a) => a => a",
        "(?<v>a)\\k<v> => aa => a",
        "(?P<v>a)(?P=v) => aa => a",
        "(?<v>a)\\k{v} => aa => a",
        // Only \n ends a line, so '.' takes a carriage return.
        "(?<v>a.) => `a\rb` => `a\r`",
    })
    void translatesPcre(String pcre, String text, String expected) {
        Regexes.Compiled c = Regexes.compile(pcre.strip());
        Matcher m = Regexes.matcher(c, text);
        assertThat(m.find()).as("matches").isTrue();
        int v = c.groupNames().indexOf("v");
        assertThat(m.group(c.javaGroupNames().get(v))).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "(?<a_b>x)(?<a_b>y) => a_b",
        "(?<user_name>\\w+) => user_name",
    })
    void keepsGroupNames(String pcre, String name) {
        assertThat(Regexes.compile(pcre.strip()).groupNames()).contains(name.strip());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiterString = " => ", value = {
        "(?P=missing)a",
        "(?<a>x",
    })
    void rejectsInvalidPatterns(String pcre) {
        assertThatThrownBy(() -> Regexes.compile(pcre)).isInstanceOf(PatternSyntaxException.class);
    }
}
