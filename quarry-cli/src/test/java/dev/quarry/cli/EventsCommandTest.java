package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code quarry events} shows what Quarry reads, raw or as CIM records. */
class EventsCommandTest {
    @Test
    void evtxEventsAsJsonLines() {
        Cli cli = Cli.run("events", Cli.samples("negatives/security-4688-certutil-download.evtx"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out().lines()).hasSize(2);
        assertThat(cli.out().lines().toList().get(1)).contains("\"EventCode\":\"4688\"")
                .contains("\"NewProcessName\":\"C:\\\\Windows\\\\System32\\\\certutil.exe\"");
    }

    @Test
    void evtxEventsAsXml() {
        Cli cli = Cli.run("events", "--format", "xml", Cli.samples("negatives/security-4688-certutil-download.evtx"));
        assertThat(cli.out().lines()).hasSize(2).allSatisfy(line -> assertThat(line).startsWith("<Event"));
    }

    @Test
    void processesRecords() {
        Cli cli = Cli.run("events", "--datamodel", "Endpoint.Processes",
                Cli.samples("positives/security-4688-parent-from-earlier-event.xml"));
        assertThat(cli.out().lines()).hasSize(2);
        assertThat(cli.out().lines().toList().get(1)).contains("\"parent_process_name\":\"sqlservr.exe\"")
                .contains("\"process_id\":3804");
    }

    @Test
    void unknownDataset() {
        Cli cli = Cli.run("events", "--datamodel", "Nope.Nope", Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("unknown dataset Nope.Nope; known: Endpoint.Filesystem, Endpoint.Processes, Endpoint.Registry");
    }

    @Test
    void linkedFilesInAFolderAreRead(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir)
            throws java.io.IOException {
        java.nio.file.Path logs = java.nio.file.Files.createDirectories(dir.resolve("logs"));
        java.nio.file.Files.createSymbolicLink(logs.resolve("linked.evtx"),
                java.nio.file.Path.of(Cli.samples("negatives/security-4688-certutil-download.evtx")));
        Cli cli = Cli.run("events", logs.toString());
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out().lines()).hasSize(2);
    }
}
