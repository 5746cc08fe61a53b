package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Record counts of the samples. "in error" is what the Rust evtx crate counts as errors: one
 * per damaged record plus one per unreadable chunk. The source column names where each figure
 * comes from.
 */
class RecordCountTest {

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            bad-chunk-magic.evtx                         | 270 | 2 | Rust evtx crate test suite
            application-no-crc32.evtx                    |  17 | 0 | Rust evtx crate test suite
            hello-for-business-incomplete-sid.evtx       |   6 | 0 | Rust evtx crate test suite
            language-pack-setup-incomplete-template.evtx |  17 | 0 | Rust evtx crate test suite
            capi2-binxml-values.evtx                     | 340 | 0 | Rust evtx crate test suite
            new-user-security.evtx                       |   4 | 0 | evtxexport 20181227
            mimikatz-pass-the-hash.evtx                  |   8 | 0 | evtxexport 20181227
            msexchange-wec.evtx                          |   1 | 0 | chunk header (evtxexport cannot decode it)
            defender-threat-detected.evtx                |   6 | 0 | chunk header (evtxexport cannot decode it)
            """)
    void countsMatchReference(String sample, long read, long inError, String source) throws IOException {
        EvtxStats stats = Samples.read(sample).stats();

        assertThat(stats.recordsRead()).as("records read, per %s", source).isEqualTo(read);
        assertThat(stats.recordsSkipped() + stats.chunksSkipped()).as("in error, per %s", source).isEqualTo(inError);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"new-user-security.evtx, 69632", "bad-chunk-magic.evtx, 1052672"})
    void bytesReadIsFileSize(String sample, long size) throws IOException {
        assertThat(Samples.read(sample).stats().bytesRead()).isEqualTo(size);
    }
}
