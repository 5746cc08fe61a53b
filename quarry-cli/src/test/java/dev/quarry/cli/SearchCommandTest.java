package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code quarry search} runs one search over files and prints its rows. */
class SearchCommandTest {
    @Test
    void rawSearchWithStats() {
        Cli cli = Cli.run("search", "--format", "jsonl",
                "source=\"XmlWinEventLog:Security\" EventCode=4688 | stats count by Computer", Cli.samples("negatives"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out()).contains("{\"Computer\":\"fs03vuln.offsec.lan\",\"count\":2}");
    }

    @Test
    void tstatsTable() {
        Cli cli = Cli.run("search", "| tstats count from datamodel=Endpoint.Processes where Processes.process_name=cu.exe"
                + " by Processes.dest | rename Processes.* as *", Cli.samples("positives"));
        assertThat(cli.out().lines().toList()).containsExactly("dest                     count",
                "-----------------------  -----", "SQLSRV04.theshire.local  1");
    }

    @Test
    void macrosComeFromTheContent() {
        Cli cli = Cli.run("search", "--format", "csv", "| tstats count from datamodel=Endpoint.Processes where"
                + " `process_certutil` by Processes.dest | `drop_dm_object_name(Processes)`", Cli.samples("positives"));
        assertThat(cli.out().lines().toList()).hasSize(8).first().isEqualTo("dest,count");
    }

    @Test
    void unsupportedCommandIsAUsageError() {
        Cli cli = Cli.run("search", "index=x | nosuchcommand a", Cli.samples("positives"));
        assertThat(cli.exitCode()).isEqualTo(ExitCodes.USAGE);
        assertThat(cli.err()).contains("search: line 1:11: not supported: command nosuchcommand");
    }
}
