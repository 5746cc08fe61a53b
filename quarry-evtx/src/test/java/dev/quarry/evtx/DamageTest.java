package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How damaged input is skipped and reported. */
class DamageTest {
    private static final long FILETIME = 0x01d7c5b7e0df93eeL;

    private static List<String> messages(Samples.Read read) {
        return read.warnings().stream().map(EvtxWarning::message).toList();
    }

    private static SyntheticEvtx.Chunk chunkWithRecords(int count) {
        SyntheticEvtx.Chunk chunk = new SyntheticEvtx.Chunk();
        for (int i = 1; i <= count; i++) {
            chunk.record(i, FILETIME, b -> b.openElement("Event", false).closeEmpty().endOfStream());
        }
        return chunk;
    }

    @Test
    void badChunkSignatureSkipsChunk() throws IOException {
        Samples.Read read = Samples.read("bad-chunk-magic.evtx");

        List<EvtxWarning> signature = read.warnings().stream()
                .filter(w -> w.message().startsWith("invalid chunk signature"))
                .toList();
        assertThat(signature).extracting(EvtxWarning::offset).containsExactly(4096L + 6 * 65536, 4096L + 10 * 65536);
        assertThat(read.stats().chunksSkipped()).isEqualTo(2);
    }

    @Test
    void wrongSizeCopyKeepsDecodableRecord() throws IOException {
        Samples.Read read = Samples.read("bad-chunk-magic.evtx");

        assertThat(messages(read)).filteredOn(m -> m.contains("has size copy 0"))
                .hasSize(3)
                .allMatch(m -> m.contains("kept the record"));
        assertThat(read.records()).extracting(EvtxRecord::recordId).contains(46741L, 47640L, 45933L);
    }

    @Test
    void staleBytesAfterLastRecordAreReportedNotCounted() throws IOException {
        Samples.Read read = Samples.read("bad-chunk-magic.evtx");

        assertThat(messages(read)).filteredOn(m -> m.contains("stale data")).hasSize(1);
        assertThat(read.stats().recordsSkipped()).isZero();
    }

    @Test
    void dataChecksumMismatchIsReported() throws IOException {
        Samples.Read read = Samples.read("bad-chunk-magic.evtx");

        assertThat(messages(read)).filteredOn(m -> m.startsWith("chunk data checksum")).hasSize(3);
    }

    @Test
    void garbageInsteadOfRecordSkipsRestOfChunk() throws IOException {
        SyntheticEvtx.Chunk chunk = chunkWithRecords(2);
        chunk.u32(0xdeadbeefL).u32(0x12345678L);
        Samples.Read read = Samples.read(Samples.write(SyntheticEvtx.file(chunk.finish())), EvtxOptions.withThreads(1));

        assertThat(read.records()).hasSize(2);
        assertThat(read.stats().recordsSkipped()).isEqualTo(1);
        assertThat(messages(read)).singleElement().asString()
                .startsWith("invalid record signature EF BE AD DE; expected 2A 2A 00 00");
    }

    @Test
    void recordSizePastChunkEndIsSkipped() throws IOException {
        SyntheticEvtx.Chunk chunk = chunkWithRecords(2);
        int secondRecord = chunk.pos - (chunk.pos - 512) / 2;
        byte[] bytes = chunk.finish();
        bytes[secondRecord + 6] = 0x7f;
        Samples.Read read = Samples.read(Samples.write(SyntheticEvtx.file(bytes)), EvtxOptions.withThreads(1));

        assertThat(read.records()).hasSize(1);
        assertThat(read.stats().recordsSkipped()).isEqualTo(1);
        assertThat(read.warnings()).extracting(EvtxWarning::message)
                .anyMatch(m -> m.startsWith("invalid record size"));
    }

    @Test
    void zeroChunkSlotIsSilent() throws IOException {
        byte[] unused = new byte[SyntheticEvtx.CHUNK_SIZE];
        Path file = Samples.write(SyntheticEvtx.file(chunkWithRecords(1).finish(), unused, chunkWithRecords(1).finish()));

        Samples.Read read = Samples.read(file, EvtxOptions.withThreads(1));

        assertThat(read.records()).hasSize(2);
        assertThat(read.warnings()).isEmpty();
    }

    @Test
    void chunksPastHeaderCountAreRead() throws IOException {
        byte[] file = SyntheticEvtx.file(chunkWithRecords(1).finish(), chunkWithRecords(3).finish());
        file[42] = 1;

        assertThat(Samples.read(Samples.write(file), EvtxOptions.withThreads(1)).records()).hasSize(4);
    }

    @Test
    void partialChunkAtEndIsSkipped() throws IOException {
        byte[] whole = SyntheticEvtx.file(chunkWithRecords(1).finish(), chunkWithRecords(1).finish());
        Path file = Samples.write(Arrays.copyOf(whole, whole.length - 1000));

        Samples.Read read = Samples.read(file, EvtxOptions.withThreads(1));

        assertThat(read.records()).hasSize(1);
        assertThat(read.stats().chunksSkipped()).isEqualTo(1);
        assertThat(read.warnings()).singleElement().extracting(EvtxWarning::offset).isEqualTo(4096L + 65536);
    }

    @Test
    void sinkExceptionStopsReading() throws IOException {
        Path file = Samples.path("bad-chunk-magic.evtx");
        try (EvtxFile evtx = EvtxFile.open(file)) {
            assertThatThrownBy(() -> evtx.read(record -> {
                throw new IllegalStateException("stop");
            }, EvtxOptions.withThreads(2))).hasMessage("stop");
        }
    }
}
