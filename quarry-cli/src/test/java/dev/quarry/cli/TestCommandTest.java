package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** {@code quarry test}: the content pack's own tests, a broken detection, JUnit output and missing data. */
class TestCommandTest {
    private static final Path SEED = Cli.home().resolve("content/detections/endpoint/windows_sql_spawning_certutil.yml");

    /** Writes a copy of the content pack whose test data paths are absolute, after applying {@code edit}. */
    private static Path copyOfContent(Path dir, java.util.function.UnaryOperator<String> edit) throws IOException {
        Files.createDirectories(dir.resolve("detections"));
        Files.createDirectories(dir.resolve("macros"));
        String yaml = Files.readString(SEED).replace("../samples/", Cli.home().resolve("samples") + "/");
        Files.writeString(dir.resolve("detections/seed.yml"), edit.apply(yaml));
        try (var macros = Files.list(Cli.home().resolve("content/macros"))) {
            for (Path m : macros.toList()) {
                Files.copy(m, dir.resolve("macros").resolve(m.getFileName()));
            }
        }
        return dir;
    }

    @Test
    void contentPackTestsPass(@TempDir Path tmp) throws Exception {
        Path junit = tmp.resolve("junit.xml");
        Cli cli = Cli.run("test", "--junit", junit.toString());
        assertThat(cli.exitCode()).as(cli.out() + cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.err()).contains("9 tests: 9 passed, 0 failed, 0 errors, 0 skipped");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        Element root = doc.getDocumentElement();
        assertThat(root.getTagName()).isEqualTo("testsuites");
        assertThat(root.getAttribute("tests")).isEqualTo("9");
        assertThat(root.getAttribute("failures")).isEqualTo("0");
        assertThat(doc.getElementsByTagName("testcase").getLength()).isEqualTo(9);
    }

    @Test
    void brokenDetectionFailsWithItsReason(@TempDir Path tmp) throws Exception {
        Path content = copyOfContent(tmp.resolve("content"), y -> y.replace("\"sqlservr.exe\", ", "\"sqlserver.exe\", "));
        Path junit = tmp.resolve("junit.xml");
        Cli cli = Cli.run("test", "--content", content.toString(), "--explain", "--junit", junit.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.TESTS_FAILED);
        assertThat(cli.out()).contains("fail    Windows SQL Spawning CertUtil / True Positive Test - Sysmon EventID 1,"
                + " Security-Datasets JSON");
        assertThat(cli.out()).contains("no results from 1 event (expected at least one result)");
        assertThat(cli.out()).contains("fails Processes.parent_process_name IN (\"sqlserver.exe\"")
                .contains("parent_process_name = sqlservr.exe");
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(junit.toFile());
        assertThat(doc.getDocumentElement().getAttribute("failures")).isEqualTo("4");
        assertThat(doc.getElementsByTagName("failure").getLength()).isEqualTo(4);
        assertThat(doc.getElementsByTagName("system-out").item(0).getTextContent())
                .contains("Conditions of the first command");
    }

    @Test
    void missingDataIsSkipped(@TempDir Path tmp) throws IOException {
        Path content = copyOfContent(tmp.resolve("content"), y -> y.substring(0, y.indexOf("tests:"))
                + "tests:\n- name: replayed attack data\n  attack_data:\n"
                + "  - data: https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/"
                + "attack_techniques/T1105/sql/windows-sysmon.log\n"
                + "    source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\n    sourcetype: xmlwineventlog\n");
        Cli cli = Cli.run("test", "--content", content.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("skipped").contains("no --data-root given");
    }

    @Test
    void dataRootMapsUrlsFromDatasets(@TempDir Path tmp) throws IOException {
        Path root = tmp.resolve("attack_data");
        Path file = root.resolve("datasets/attack_techniques/T1105/sql/windows-sysmon.log");
        Files.createDirectories(file.getParent());
        Files.copy(Path.of(Cli.samples("positives/sysmon-1-renamed-certutil.xml")), file);
        Path content = copyOfContent(tmp.resolve("content"), y -> y.substring(0, y.indexOf("tests:"))
                + "tests:\n- name: replayed attack data\n  attack_data:\n"
                + "  - data: https://media.githubusercontent.com/media/splunk/attack_data/master/datasets/"
                + "attack_techniques/T1105/sql/windows-sysmon.log\n"
                + "    source: XmlWinEventLog:Microsoft-Windows-Sysmon/Operational\n    sourcetype: xmlwineventlog\n");
        Cli cli = Cli.run("test", "--content", content.toString(), "--data-root", root.toString(), "--format", "jsonl");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("\"status\":\"pass\"").contains("\"rows\":1");
    }
}
