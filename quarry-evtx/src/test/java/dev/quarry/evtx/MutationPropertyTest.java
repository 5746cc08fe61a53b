package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Reading survives damage: real sample files are truncated, bit-flipped, and have length,
 * size and offset fields of the file header, chunk headers, record headers and BinXML
 * overwritten with random values. Every mutated file must be read within a time bound, with no
 * exception other than {@link EvtxFormatException} for an unreadable file header, and with no
 * more records than its chunks can hold.
 */
class MutationPropertyTest {
    private static final List<String> SAMPLES = List.of(
            "new-user-security.evtx", "application-no-crc32.evtx", "hello-for-business-incomplete-sid.evtx",
            "language-pack-setup-incomplete-template.evtx", "msexchange-wec.evtx", "mimikatz-pass-the-hash.evtx",
            "defender-threat-detected.evtx");
    private static final Map<String, byte[]> CONTENT = new ConcurrentHashMap<>();
    /** Minimum record size: 24-byte header and 4-byte size copy. */
    private static final int MIN_RECORD_SIZE = 28;

    /** Where a mutation lands. */
    enum Target { FILE_HEADER, CHUNK_HEADER, RECORD_HEADER, BINXML, ANYWHERE }

    /** What a mutation does. */
    enum Kind { TRUNCATE, FLIP_BIT, OVERWRITE_8, OVERWRITE_16, OVERWRITE_32 }

    record Mutation(Kind kind, Target target, int position, long value) {
    }

    record Case(String sample, List<Mutation> mutations, int threads) {
    }

    @Provide
    Arbitrary<Case> mutatedSamples() {
        Arbitrary<Long> values = Arbitraries.oneOf(
                Arbitraries.of(0L, 1L, 0x7fL, 0xffL, 0x7fffL, 0xffffL, 0x10000L, 0x7fffffffL, 0xffffffffL, 512L, 4096L, 65536L),
                Arbitraries.longs().between(0, 0xffffffffL));
        Arbitrary<Mutation> mutation = Combinators.combine(
                Arbitraries.of(Kind.class), Arbitraries.of(Target.class),
                Arbitraries.integers().between(0, Integer.MAX_VALUE), values).as(Mutation::new);
        // Boundary values are in the value choices already; jqwik's own edge cases would
        // outnumber the tries.
        return Combinators.combine(Arbitraries.of(SAMPLES), mutation.list().ofMinSize(1).ofMaxSize(8),
                Arbitraries.of(1, 2)).as(Case::new).withoutEdgeCases();
    }

    @Property(tries = 300)
    void mutatedFileIsReadSafely(@ForAll("mutatedSamples") Case input) throws Exception {
        byte[] bytes = CONTENT.computeIfAbsent(input.sample(), Samples::bytes).clone();
        for (Mutation mutation : input.mutations()) {
            bytes = apply(bytes, mutation);
        }
        Path file = Files.createTempFile("mutated-", ".evtx");
        try {
            Files.write(file, bytes);
            long slots = Math.max(0, bytes.length - 4096) / 65536;
            long capacity = slots * ((65536 - 512) / MIN_RECORD_SIZE);

            long records = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> countRecords(file, input.threads()));

            assertThat(records).isLessThanOrEqualTo(capacity);
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static long countRecords(Path file, int threads) throws Exception {
        try (EvtxFile evtx = EvtxFile.open(file)) {
            EvtxStats stats = evtx.read(record -> { }, EvtxOptions.withThreads(threads));
            return stats.recordsRead();
        } catch (EvtxFormatException unreadableHeader) {
            return 0;
        }
    }

    private static byte[] apply(byte[] bytes, Mutation mutation) {
        if (bytes.length == 0) {
            return bytes;
        }
        int offset = locate(bytes, mutation.target(), mutation.position());
        switch (mutation.kind()) {
            case TRUNCATE -> {
                return Arrays.copyOf(bytes, offset);
            }
            case FLIP_BIT -> bytes[offset] ^= (byte) (1 << (mutation.value() & 7));
            case OVERWRITE_8 -> write(bytes, offset, mutation.value(), 1);
            case OVERWRITE_16 -> write(bytes, offset, mutation.value(), 2);
            case OVERWRITE_32 -> write(bytes, offset, mutation.value(), 4);
        }
        return bytes;
    }

    /** Picks an offset inside the target region; falls back to the whole file when it is missing. */
    private static int locate(byte[] bytes, Target target, int position) {
        List<int[]> regions = new ArrayList<>();
        switch (target) {
            case FILE_HEADER -> regions.add(new int[] {0, Math.min(128, bytes.length)});
            case CHUNK_HEADER -> {
                for (int chunk = 4096; chunk + 512 <= bytes.length; chunk += 65536) {
                    regions.add(new int[] {chunk, chunk + 512});
                }
            }
            case RECORD_HEADER, BINXML -> {
                for (int at = 4096 + 512; at + 28 <= bytes.length; at += 4) {
                    if (bytes[at] == 0x2a && bytes[at + 1] == 0x2a && bytes[at + 2] == 0 && bytes[at + 3] == 0) {
                        long size = (bytes[at + 4] & 0xffL) | (bytes[at + 5] & 0xffL) << 8
                                | (bytes[at + 6] & 0xffL) << 16 | (bytes[at + 7] & 0xffL) << 24;
                        int end = (int) Math.min(bytes.length, at + Math.max(28, Math.min(size, 65536)));
                        regions.add(target == Target.RECORD_HEADER ? new int[] {at, at + 24} : new int[] {at + 24, end});
                    }
                }
            }
            case ANYWHERE -> regions.add(new int[] {0, bytes.length});
        }
        regions.removeIf(r -> r[1] <= r[0]);
        if (regions.isEmpty()) {
            regions.add(new int[] {0, bytes.length});
        }
        int[] region = regions.get(position % regions.size());
        return region[0] + (position / regions.size()) % (region[1] - region[0]);
    }

    private static void write(byte[] bytes, int offset, long value, int width) {
        for (int i = 0; i < width && offset + i < bytes.length; i++) {
            bytes[offset + i] = (byte) (value >>> (8 * i));
        }
    }
}
