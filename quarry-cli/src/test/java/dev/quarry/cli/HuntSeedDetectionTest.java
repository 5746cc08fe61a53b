package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/**
 * Windows SQL Spawning CertUtil end to end: the bundled samples through {@code quarry hunt}. The positives are
 * real events given a SQL Server parent (constructed, as no public recording has one); the negatives are real
 * near misses plus constructed ones, listed in docs/samples.md.
 */
class HuntSeedDetectionTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String MESSAGE = " was launched on %s by %s. This behavior is uncommon with the SQL process"
            + " identified.";

    private static List<JsonNode> lines(String text) throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            if (!line.isBlank()) {
                out.add(JSON.readTree(line));
            }
        }
        return out;
    }

    @Test
    void positivesGiveExactlyTheExpectedRows() throws IOException {
        Cli cli = Cli.run("hunt", "--format", "jsonl", Cli.samples("positives"));
        String expected;
        try (var in = HuntSeedDetectionTest.class.getResourceAsStream("/windows-sql-spawning-certutil.expected.jsonl")) {
            expected = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        }
        assertThat(lines(cli.out())).containsExactlyElementsOf(lines(expected));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
    }

    @Test
    void everyPositiveRowCarriesRiskScoreAndSubstitutedMessage() throws IOException {
        Cli cli = Cli.run("hunt", "--format", "jsonl", Cli.samples("positives"));
        List<JsonNode> rows = lines(cli.out());
        assertThat(rows).hasSize(7);
        for (JsonNode row : rows) {
            assertThat(row.get("risk_score").asInt()).isEqualTo(90);
            assertThat(row.get("detection").asText()).isEqualTo("Windows SQL Spawning CertUtil");
            assertThat(row.get("risk_message").asText()).isEqualTo(row.get("process_name").asText()
                    + String.format(MESSAGE, row.get("dest").asText(), row.get("user").asText()));
            assertThat(row.get("mitre_attack_id").get(0).asText()).isEqualTo("T1105");
            assertThat(row.get("risk_objects")).hasSize(2);
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "security-4688-parent-from-earlier-event.xml",
        "security-4688-v2-events-document.xml",
        "sysmon-1-sql-parent.json",
        "sysmon-1-renamed-certutil.xml",
        "sysmon-1-uppercase.json.gz",
        "winlogbeat-4688-sqldumper-parent.zip",
        "crowdstrike-processrollup2.jsonl"})
    void eachPositiveFormatGivesOneRow(String file) throws IOException {
        Cli cli = Cli.run("hunt", "--format", "jsonl", Cli.samples("positives/" + file));
        assertThat(lines(cli.out())).as(cli.err()).hasSize(1);
    }

    @Test
    void negativesGiveNothing() {
        Cli cli = Cli.run("hunt", "--format", "jsonl", Cli.samples("negatives"));
        assertThat(cli.out()).isEmpty();
        assertThat(cli.err()).contains("results:    0 from 0 detections");
    }

    @Test
    void parentNameFromTheEarlierEventIsUsed() throws IOException {
        Cli cli = Cli.run("hunt", "--format", "jsonl",
                Cli.samples("positives/security-4688-parent-from-earlier-event.xml"));
        JsonNode row = lines(cli.out()).get(0);
        assertThat(row.get("parent_process_name").asText()).isEqualTo("sqlservr.exe");
        assertThat(row.get("process_id").asText()).isEqualTo("3804");
        assertThat(row.get("parent_process_id").asText()).isEqualTo("880");
    }

    @Test
    void renamedBinaryMatchesThroughOriginalFileName() throws IOException {
        Cli cli = Cli.run("hunt", "--format", "jsonl", Cli.samples("positives/sysmon-1-renamed-certutil.xml"));
        JsonNode row = lines(cli.out()).get(0);
        assertThat(row.get("process_name").asText()).isEqualTo("cu.exe");
        assertThat(row.get("original_file_name").asText()).isEqualTo("CertUtil.exe");
    }

    @Test
    void tableReportGroupsByDetection() {
        Cli cli = Cli.run("hunt", Cli.samples("positives/crowdstrike-processrollup2.jsonl"));
        assertThat(cli.out()).startsWith("Windows SQL Spawning CertUtil  [risk 90, T1105, Flax Typhoon]  1 result");
        assertThat(cli.out()).contains("certutil.exe was launched on SQLSRV07 by svc-sql.");
    }

    @Test
    void csvHasAHeaderAndOneLinePerRow() {
        Cli cli = Cli.run("hunt", "--format", "csv", Cli.samples("positives/crowdstrike-processrollup2.jsonl"));
        String[] lines = cli.out().split("\r?\n");
        assertThat(lines).hasSize(2);
        assertThat(lines[0]).startsWith("detection,detection_id,risk_score,risk_message,");
        assertThat(lines[1]).startsWith("Windows SQL Spawning CertUtil,dfc18a5a-946e-44ee-a373-c0f60d06e676,90,");
    }
}
