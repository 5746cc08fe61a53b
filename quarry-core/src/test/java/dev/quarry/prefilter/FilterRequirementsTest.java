package dev.quarry.prefilter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.quarry.cim.CimCatalog;
import dev.quarry.spl.Spl;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** What filters require of the raw text, with the built-in CIM mappings. */
class FilterRequirementsTest {
    private static final CimCatalog CATALOG = CimCatalog.builtIn();
    private static final Function<String, Origin> PROCESSES = FieldOrigins.dataset(CATALOG,
            CATALOG.dataset("Endpoint.Processes").orElseThrow());
    private static final Function<String, Origin> RAW = FieldOrigins.raw(CATALOG);

    private static Requirement processes(String filter) {
        return FilterRequirements.of(Spl.parseSearch(filter),
                name -> PROCESSES.apply(name.startsWith("Processes.") ? name.substring(10) : name));
    }

    private static Requirement raw(String filter) {
        return FilterRequirements.of(Spl.parseSearch(filter), RAW);
    }

    @Test
    void seedDetectionRequiresCertutilOrUrlcache() {
        Requirement r = processes("Processes.parent_process_name IN (\"sqlservr.exe\", \"sqlagent.exe\", \"sqlps.exe\","
                + " \"launchpad.exe\", \"sqldumper.exe\") (Processes.process_name=certutil.exe OR"
                + " Processes.original_file_name=CertUtil.exe) (Processes.process=*urlcache* Processes.process=*split*)"
                + " OR Processes.process=*urlcache*");
        assertThat(r.literals()).containsExactlyInAnyOrder("certutil.exe", "CertUtil.exe");
    }

    @Test
    void channelLiteralYieldsToEventCode() {
        // Every event of the channel contains its name, so the shorter but rarer event code is kept.
        assertThat(raw("source=\"XmlWinEventLog:Security\" EventCode=4688").literals()).containsExactly("4688");
        assertThat(raw("source=\"XmlWinEventLog:Security\"").literals()).containsExactly("Security");
        assertThat(raw("EventCode=4688 (source=\"XmlWinEventLog:Security\" OR Image=*certutil*)").literals())
                .containsExactly("4688");
    }

    @Test
    void parentNameFilledFromEarlierEventsRequiresNothing() {
        assertThat(processes("Processes.parent_process_name=sqlservr.exe").always()).isTrue();
    }

    @Test
    void valueACalculatedConstantCouldMatchRequiresNothing() {
        assertThat(processes("Processes.user=unknown").always()).isTrue();
        assertThat(processes("Processes.user=*own").always()).isTrue();
        assertThat(processes("Processes.user=admin*").literals()).containsExactly("admin");
    }

    @Test
    void hexConvertedIdsRequireNothing() {
        assertThat(processes("Processes.process_id=3804").always()).isTrue();
    }

    @Test
    void fieldNoMappingSetsNeverMatches() {
        assertThat(processes("Processes.no_such_field=x").never()).isTrue();
        assertThat(processes("Processes.no_such_field=x OR Processes.process=*mimikatz*").literals())
                .containsExactly("mimikatz");
    }

    @Test
    void negationsAndComparisonsRequireNothing() {
        assertThat(processes("NOT Processes.process=*mimikatz*").always()).isTrue();
        assertThat(processes("Processes.process!=*mimikatz*").always()).isTrue();
        assertThat(raw("bytes_in>65000").always()).isTrue();
    }

    @Test
    void longestSafeRunOfAValue() {
        assertThat(raw("Image=\"*\\\\Windows\\\\Temp\\\\*\"").literals()).containsExactly("Windows");
        assertThat(raw("x=\"*a\\\"bcd*\"").literals()).containsExactly("bcd");
        assertThat(raw("EventCode=1").always()).isTrue();
    }

    @Test
    void windowsSourceRequiresItsChannel() {
        assertThat(raw("source=\"XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\" EventCode=1").literals())
                .containsExactly("Microsoft-Windows-Sysmon");
        assertThat(raw("sourcetype=crowdstrike:events:sensor").always()).isTrue();
    }

    @Test
    void andKeepsTheMostSelectiveOperand() {
        assertThat(raw("EventCode=4688 CommandLine=*mimikatz*").literals()).containsExactly("mimikatz");
    }

    @Test
    void bareTermsAreLiterals() {
        assertThat(raw("sudoedit segfault").literals()).containsExactly("sudoedit");
    }
}
