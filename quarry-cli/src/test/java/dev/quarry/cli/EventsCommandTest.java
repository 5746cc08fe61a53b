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
}
