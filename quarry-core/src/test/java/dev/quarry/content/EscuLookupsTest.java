package dev.quarry.content;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.quarry.exec.lookup.LookupMatcher;
import dev.quarry.exec.lookup.LookupTable;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Loads the lookups of a real ESCU (security_content) checkout: its {@code lookups/} folder, given with
 * {@code -Dquarry.escu=DIR}, or else found at {@code shared/escu} beside the repository, where CI places it.
 * Skipped when there is none, so the unit tests need no ESCU copy.
 */
class EscuLookupsTest {
    private static Path escuLookups() {
        String property = System.getProperty("quarry.escu");
        if (property != null) {
            return Path.of(property, "lookups");
        }
        Path dir = Path.of("").toAbsolutePath();
        while (dir != null && !Files.isDirectory(dir.resolve("quarry-core"))) {
            dir = dir.getParent();
        }
        return dir == null || dir.getParent() == null ? null : dir.resolveSibling("shared").resolve("escu/lookups");
    }

    private static ContentPack load() {
        Path lookups = escuLookups();
        assumeTrue(lookups != null && Files.isDirectory(lookups), "no ESCU checkout at " + lookups);
        return ContentLoader.load(List.of(lookups));
    }

    @Test
    void everyCsvDefinitionLoads() {
        ContentPack pack = load();
        assertThat(pack.problems()).isEmpty();
        assertThat(pack.lookups().size()).isGreaterThan(50);
        List<String> failures = new ArrayList<>();
        int loaded = 0;
        for (Lookups.Definition d : pack.lookups().definitions()) {
            if (d.isKvStore()) {
                assertThat(d.collection()).as(d.name()).isNotBlank();
                continue;
            }
            try {
                // Some ESCU definitions name a WILDCARD column their table does not have (applockereventcodes
                // names AppLocker_Event_Code, its table has EventCode), so only loading is checked here.
                assertThat(pack.lookups().table(d).columns()).as(d.name()).isNotEmpty();
                loaded++;
            } catch (LookupException e) {
                failures.add(e.getMessage());
            }
        }
        assertThat(failures).isEmpty();
        assertThat(loaded).isGreaterThan(40);
        assertThat(pack.lookups().kvStoreDefinitions()).isNotEmpty();
    }

    @Test
    void largestTableMatchesWildcards() {
        ContentPack pack = load();
        Lookups.Definition d = pack.lookups().find("dynamic_dns_providers_default").orElseThrow();
        LookupTable table = pack.lookups().table(d);
        assertThat(table.size()).isGreaterThan(90_000);
        assertThat(table.columns()).containsExactly("dynamic_dns_domains", "isDynDNS_default");
        LookupMatcher matcher = pack.lookups().matcher(d, List.of("dynamic_dns_domains"));
        int[] hits = matcher.match(List.of(List.of("host.NO-IP.com")), d.maxMatches());
        assertThat(hits).isNotEmpty();
        assertThat(table.cell(hits[0], 1)).isEqualTo("True");
        assertThat(matcher.match(List.of(List.of("www.example.com")), d.maxMatches())).isEmpty();
    }

    @Test
    void csvUsedByFileName() {
        ContentPack pack = load();
        Lookups.Definition d = pack.lookups().find("linux_tool_discovery_process.csv").orElseThrow();
        assertThat(pack.lookups().table(d).columns()).containsExactly("process");
    }
}
