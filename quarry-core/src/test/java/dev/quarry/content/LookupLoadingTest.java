package dev.quarry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.exec.lookup.LookupTable;
import dev.quarry.exec.lookup.MatchType;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How the content loader registers lookup definitions and CSV files, and how tables are read on first use. */
class LookupLoadingTest {
    @TempDir
    Path dir;

    private static Path fixtures() throws URISyntaxException {
        return Path.of(LookupLoadingTest.class.getClassLoader().getResource("lookup-fixtures").toURI());
    }

    private Path write(String name, String text) throws IOException {
        Path file = dir.resolve("lookups").resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return file;
    }

    @Test
    void fixtureDefinitionsLoad() throws URISyntaxException {
        ContentPack pack = ContentLoader.load(List.of(fixtures()));
        assertThat(pack.problems()).isEmpty();
        assertThat(pack.lookups().size()).isEqualTo(12);

        Lookups.Definition libraries = pack.lookups().find("libraries").orElseThrow();
        assertThat(libraries.file().getFileName()).hasToString("libraries.csv");
        assertThat(libraries.wildcardFields()).containsExactly("library", "excludes");
        assertThat(libraries.caseSensitive()).isFalse();
        assertThat(libraries.minMatches()).isEqualTo(1);
        assertThat(libraries.defaultMatch()).isEqualTo("false");
        assertThat(libraries.maxMatches()).isEqualTo(Lookups.DEFAULT_MAX_MATCHES);
        assertThat(libraries.matchType("library")).isEqualTo(MatchType.WILDCARD);
        assertThat(libraries.matchType("comment")).isEqualTo(MatchType.EXACT);

        Lookups.Definition zones = pack.lookups().find("zones").orElseThrow();
        assertThat(zones.matchType("network")).isEqualTo(MatchType.CIDR);
        assertThat(zones.caseSensitive()).isTrue();
    }

    @Test
    void bareCsvFoundByFileName() throws URISyntaxException {
        Lookups lookups = ContentLoader.load(List.of(fixtures())).lookups();
        Lookups.Definition bare = lookups.find("bare_tools.csv").orElseThrow();
        assertThat(bare.name()).isEqualTo("bare_tools.csv");
        assertThat(bare.caseSensitive()).isTrue();
        assertThat(bare.wildcardFields()).isEmpty();
        assertThat(lookups.table(bare).columns()).containsExactly("process");
        assertThat(lookups.find("bare_tools")).isEmpty();
    }

    @Test
    void definitionFileByNameHasDefaultOptions() throws URISyntaxException {
        Lookups lookups = ContentLoader.load(List.of(fixtures())).lookups();
        Lookups.Definition byFile = lookups.find("tools.csv").orElseThrow();
        assertThat(byFile.wildcardFields()).isEmpty();
        assertThat(byFile.caseSensitive()).isTrue();
    }

    @Test
    void kvStoreDefinitionsListedByName() throws URISyntaxException {
        Lookups lookups = ContentLoader.load(List.of(fixtures())).lookups();
        assertThat(lookups.kvStoreDefinitions()).extracting(Lookups.Definition::name).containsExactly("baseline");
        Lookups.Definition baseline = lookups.find("baseline").orElseThrow();
        assertThat(baseline.collection()).isEqualTo("baseline_collection");
        assertThatThrownBy(() -> lookups.table(baseline)).isInstanceOf(LookupException.class)
                .hasMessageContaining("reads the KV store collection baseline_collection");
    }

    @Test
    void invalidDefinitionsReported() throws IOException {
        write("a.yml", "name: a\nfilename: a.csv\nmax_matches: 0\n");
        write("b.yml", "name: b\nfilename: b.csv\nmatch_type: WILDCARD(x), PREFIX(y)\n");
        write("c.yml", "name: c\nfilename: ../c.csv\n");
        write("d.yml", "name: d\nfilename: d.csv\ncase_sensitive_match: maybe\n");
        write("e.yml", "name: e\nfilename: e.csv\nmin_matches: some\n");
        ContentPack pack = ContentLoader.load(List.of(dir));
        assertThat(pack.lookups().size()).isZero();
        assertThat(pack.problems()).extracting(ContentProblem::message).containsExactly(
                "lookup a: max_matches must be a whole number from 1 to 1000, not [0]",
                "lookup b: match_type must list WILDCARD(<column>), CIDR(<column>) or EXACT(<column>) entries"
                        + " separated by commas, not [PREFIX(y)]",
                "lookup c: filename must name a file in the same folder, not a path: [../c.csv]",
                "lookup d: case_sensitive_match must be true or false, not [maybe]",
                "lookup e: min_matches must be a whole number from 0 to 1000, not [some]");
    }

    @Test
    void matchTypeListsSeparatedBySpacesOrCommas() throws IOException {
        write("a.yml", "name: a\nfilename: a.csv\nmatch_type: WILDCARD(x) CIDR(y),EXACT(z)\n");
        ContentPack pack = ContentLoader.load(List.of(dir));
        assertThat(pack.problems()).isEmpty();
        Lookups.Definition a = pack.lookups().find("a").orElseThrow();
        assertThat(a.wildcardFields()).containsExactly("x");
        assertThat(a.cidrFields()).containsExactly("y");
    }

    @Test
    void badTableFailsOnFirstUse() throws IOException {
        write("t.yml", "name: t\nfilename: t.csv\n");
        Path csv = write("t.csv", "");
        ContentPack pack = ContentLoader.load(List.of(dir));
        assertThat(pack.problems()).isEmpty();
        Lookups.Definition t = pack.lookups().find("t").orElseThrow();
        assertThatThrownBy(() -> pack.lookups().table(t)).hasMessageContaining("is empty");

        Files.writeString(csv, "a\n1\n");
        assertThatThrownBy(() -> pack.lookups().table(t)).as("the failure is kept, the file not read again")
                .hasMessageContaining("is empty");
    }

    @Test
    void tableReadOnce() throws IOException {
        write("t.yml", "name: t\nfilename: t.csv\n");
        Path csv = write("t.csv", "a\n1\n");
        Lookups lookups = ContentLoader.load(List.of(dir)).lookups();
        Lookups.Definition t = lookups.find("t").orElseThrow();
        LookupTable first = lookups.table(t);
        Files.delete(csv);
        assertThat(lookups.table(t)).isSameAs(first);
        assertThat(lookups.table(lookups.find("t.csv").orElseThrow())).as("the same file by its name").isSameAs(first);
    }

    @Test
    void tableOverSizeLimitRejected() throws IOException {
        Path csv = write("t.csv", "a\n" + "1\n".repeat(50));
        Lookups lookups = new Lookups(64);
        lookups.addFile(csv);
        assertThatThrownBy(() -> lookups.table(lookups.find("t.csv").orElseThrow()))
                .isInstanceOf(LookupException.class)
                .hasMessageContaining("is 102 bytes, over the limit of 64 bytes for one lookup table");
    }

    @Test
    void matcherSharedBetweenSearches() throws URISyntaxException {
        Lookups lookups = ContentLoader.load(List.of(fixtures())).lookups();
        Lookups.Definition tools = lookups.find("tools").orElseThrow();
        assertThat(lookups.matcher(tools, List.of("tool_pattern")))
                .isSameAs(lookups.matcher(tools, List.of("tool_pattern")));
    }

    @Test
    void laterFolderReplacesDefinition() throws IOException, URISyntaxException {
        write("logons.yml", "name: logons\nfilename: other.csv\ncase_sensitive_match: 'false'\n");
        ContentPack pack = ContentLoader.load(List.of(fixtures(), dir));
        Lookups.Definition logons = pack.lookups().find("logons").orElseThrow();
        assertThat(logons.file()).isEqualTo(dir.resolve("lookups/other.csv"));
        assertThat(logons.caseSensitive()).isFalse();
    }
}
