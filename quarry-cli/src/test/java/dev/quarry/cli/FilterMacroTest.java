package dev.quarry.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A user's own filter macro tunes a detection without editing its search. */
class FilterMacroTest {
    @Test
    void userFilterMacroDropsAKnownHost(@TempDir Path dir) throws IOException {
        Files.writeString(dir.resolve("tuning.yml"), "name: windows_sql_spawning_certutil_filter\n"
                + "definition: search dest!=SQLSRV07 dest!=sqlsrv0*.offsec.lan\n");
        Cli cli = Cli.run("hunt", "--format", "jsonl", "--content", Cli.home().resolve("content").toString(),
                "--content", dir.toString(), Cli.samples("positives"));
        assertThat(cli.exitCode()).as(cli.err()).isEqualTo(ExitCodes.OK);
        assertThat(cli.out().lines()).hasSize(3).allSatisfy(line -> assertThat(line).contains("theshire.local"));
    }
}
