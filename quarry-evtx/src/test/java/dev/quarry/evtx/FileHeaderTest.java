package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** File header parsing; expected fields read from the header bytes of the samples. */
class FileHeaderTest {

    @Test
    void headerFieldsOfSample() throws IOException {
        try (EvtxFile file = EvtxFile.open(Samples.path("new-user-security.evtx"))) {
            FileHeader header = file.header();

            assertThat(header.firstChunkNumber()).isZero();
            assertThat(header.lastChunkNumber()).isZero();
            assertThat(header.nextRecordId()).isEqualTo(5);
            assertThat(header.headerSize()).isEqualTo(128);
            assertThat(header.majorVersion()).isEqualTo(3);
            assertThat(header.minorVersion()).isEqualTo(1);
            assertThat(header.headerBlockSize()).isEqualTo(4096);
            assertThat(header.chunkCount()).isEqualTo(1);
            assertThat(header.checksumValid()).isTrue();
            assertThat(header.isDirty()).isFalse();
            assertThat(header.problems()).isEmpty();
        }
    }

    @Test
    void dirtyFlagIsRead() throws IOException {
        try (EvtxFile file = EvtxFile.open(Samples.path("bad-chunk-magic.evtx"))) {
            assertThat(file.header().isDirty()).isTrue();
            assertThat(file.header().isFull()).isFalse();
        }
    }

    @Test
    void badChecksumIsAProblemNotAnError() throws IOException {
        try (EvtxFile file = EvtxFile.open(Samples.path("application-no-crc32.evtx"))) {
            assertThat(file.header().checksumValid()).isFalse();
            assertThat(file.header().problems()).singleElement().asString().contains("checksum");
        }
    }

    @Test
    void isEvtxChecksSignature() {
        assertThat(EvtxFile.isEvtx("ElfFile\0rest".getBytes(StandardCharsets.ISO_8859_1))).isTrue();
        assertThat(EvtxFile.isEvtx("ElfChnk\0".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
        assertThat(EvtxFile.isEvtx("Elf".getBytes(StandardCharsets.ISO_8859_1))).isFalse();
    }

    @Test
    void wrongSignatureIsRejected() {
        byte[] bytes = Samples.bytes("new-user-security.evtx");
        bytes[0] = 'X';
        Path file = Samples.write(bytes);

        assertThatThrownBy(() -> EvtxFile.open(file))
                .isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining(file.toString())
                .hasMessageContaining("at offset 0")
                .hasMessageContaining("expected \"ElfFile\\0\"");
    }

    @Test
    void shortFileIsRejected() {
        Path file = Samples.write(Arrays.copyOf(Samples.bytes("new-user-security.evtx"), 100));

        assertThatThrownBy(() -> EvtxFile.open(file))
                .isInstanceOf(EvtxFormatException.class)
                .hasMessageContaining("100 bytes long");
    }
}
