package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Bad arguments, unreadable paths and broken content give a clear message and a non-zero exit code. */
class CommandErrorsTest {
    @Test
    void missingInputPath() {
        Cli cli = Cli.run("hunt", "/no/such/path");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("input not found: /no/such/path");
    }

    @Test
    void unknownOption() {
        Cli cli = Cli.run("hunt", "--nope");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("Unknown option: '--nope'");
    }

    @Test
    void unknownDetectionName() {
        Cli cli = Cli.run("hunt", "--detection", "No Such Detection", Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("no detection named 'No Such Detection'");
    }

    @Test
    void detectionThatDoesNotCompileIsNamed(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("broken.yml"), "name: Broken Example\nid: x\n"
                + "search: '| tstats count from datamodel=Endpoint.Processes where (Processes.process=a'\n");
        Cli cli = Cli.run("hunt", "--content", dir.toString(), "--detection", "Broken Example",
                Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("detection 'Broken Example': line 1:").contains("syntax error: expected");
    }

    @Test
    void unsupportedDetectionMakesTheRunIncompleteButStillRuns(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("later.yml"), "name: Later\nid: y\n"
                + "search: 'index=x | map search=\"search y=$x$\"'\n");
        Files.copy(Cli.home().resolve("content/detections/endpoint/windows_sql_spawning_certutil.yml"),
                dir.resolve("seed.yml"));
        Files.createDirectories(dir.resolve("macros"));
        try (var files = Files.list(Cli.home().resolve("content/macros"))) {
            for (Path m : files.toList()) {
                Files.copy(m, dir.resolve("macros").resolve(m.getFileName()));
            }
        }
        Cli cli = Cli.run("hunt", "--format", "jsonl", "--content", dir.toString(), Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(cli.err()).contains("unsupported: detection 'Later'").contains("not supported: command map");
        assertThat(cli.out().lines().count()).isEqualTo(7);
    }

    @Test
    void damagedInputIsCountedAndTheRunGoesOn(@TempDir Path dir) throws IOException {
        Files.copy(Path.of(Cli.samples("positives/sysmon-1-sql-parent.json")), dir.resolve("good.json"));
        Files.writeString(dir.resolve("bad.json"), "{\"EventID\": 1, \"Image\": \"certutil.exe\", broken\n");
        Cli cli = Cli.run("hunt", "--format", "jsonl", dir.toString());
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(cli.out().lines().count()).isEqualTo(1);
        assertThat(cli.err()).contains("bad.json, line 1: line skipped: invalid JSON")
                .contains("skipped:    1 (invalid JSON: 1)");
    }

    @Test
    void contentCheckOfTheDefaultPack() {
        Cli cli = Cli.run("content", "check", "--format", "jsonl");
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("\"name\":\"Windows SQL Spawning CertUtil\"").contains("\"status\":\"ok\"");
    }

    @Test
    void outputInMissingFolderRejected(@TempDir Path dir) {
        String output = dir.resolve("no-such-folder").resolve("out.jsonl").toString();
        Cli cli = Cli.run("hunt", "--output", output, Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--output " + output + ": folder").contains("does not exist");
    }

    @Test
    void outputThatIsAFolderIsRejected(@TempDir Path dir) {
        Cli cli = Cli.run("search", "--output", dir.toString(), "EventCode=4688", Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("is a folder; give a file name");
    }

    @Test
    void threadsBelowOneAreRejected() {
        Cli cli = Cli.run("hunt", "--threads", "0", Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--threads must be 1 or more, not 0");
    }

    @Test
    void searchWithoutInputIsAUsageError() {
        Cli cli = Cli.run("search", "EventCode=4688 | stats count");
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("PATH");
    }

    @Test
    void detectionFolderResolvesInsideTheContent() {
        Cli cli = Cli.run("hunt", "--format", "jsonl", "--content", Cli.home().resolve("content").toString(),
                "--detection", "detections/endpoint", Cli.samples("positives"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out().lines().count()).isEqualTo(7);
    }

    @Test
    void detectionFileOutsideTheContentIsExplained(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("mine.yml");
        Files.writeString(file, "name: Mine\nid: z\nsearch: 'EventCode=1'\n");
        Cli cli = Cli.run("hunt", "--detection", file.toString(), Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("add the folder that holds it with --content");
    }

    @Test
    void missingDetectionFileIsNotFound() {
        Cli cli = Cli.run("hunt", "--detection", "no/such/detection.yml", Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("--detection no/such/detection.yml: file or folder not found");
    }

    @Test
    void evtxBytesCountTheWholeFile() throws IOException {
        Path evtx = Path.of(Cli.samples("negatives")).resolve("security-4688-certutil-download.evtx");
        Cli cli = Cli.run("hunt", evtx.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        double kib = Files.size(evtx) / 1024.0;
        assertThat(cli.err()).contains(String.format("1 read (%.1f KiB)", kib));
    }

    @Test
    void invalidContentFileMakesTheRunIncomplete(@TempDir Path dir) throws IOException {
        Files.createDirectories(dir.resolve("detections"));
        Files.writeString(dir.resolve("detections").resolve("bad.yml"), "name: [unclosed\n");
        Cli cli = Cli.run("hunt", "--content", dir.toString(), Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.INCOMPLETE);
        assertThat(cli.err()).contains("content file skipped").contains("content:    1 file skipped as invalid");
    }

    @Test
    void contentGivenAsAFileIsExplained() {
        String file = Cli.home().resolve("content/detections/endpoint/windows_sql_spawning_certutil.yml").toString();
        Cli cli = Cli.run("hunt", "--content", file, Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("is a file, and --content takes a folder");
    }
}
