package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

/** Blocks of whole lines give the same lines, with the same numbers, as splitting the stream at every LF. */
class LineBlocksTest {
    /** Each line as "number:text", or "number:oversized", read through blocks. */
    private static List<String> viaBlocks(byte[] input, int blockBytes, int maxLine) throws IOException {
        List<String> lines = new ArrayList<>();
        LineBlocks blocks = new LineBlocks(new ByteArrayInputStream(input), blockBytes, maxLine);
        while (blocks.next()) {
            if (blocks.oversizedLine() > 0) {
                lines.add(blocks.oversizedLine() + ":oversized");
                continue;
            }
            long line = blocks.firstLine();
            int from = 0;
            while (from < blocks.length()) {
                int lf = LineBlocks.nextLf(blocks.block(), from, blocks.length());
                lines.add(line++ + ":" + new String(blocks.block(), from, lf - from, StandardCharsets.ISO_8859_1));
                from = lf + 1;
            }
        }
        return lines;
    }

    /** The same by the definition: split at every LF; a last line without LF counts; over maxLine is oversized. */
    private static List<String> reference(byte[] input, int maxLine) {
        List<String> lines = new ArrayList<>();
        String text = new String(input, StandardCharsets.ISO_8859_1);
        String[] parts = text.split("\n", -1);
        int n = text.endsWith("\n") || text.isEmpty() ? parts.length - 1 : parts.length;
        for (int i = 0; i < n; i++) {
            lines.add((i + 1) + ":" + (parts[i].length() > maxLine ? "oversized" : parts[i]));
        }
        return lines;
    }

    @Property(tries = 2000)
    void blocksKeepEveryLine(@ForAll("inputs") byte[] input, @ForAll @IntRange(min = 1, max = 12) int blockBytes,
            @ForAll @IntRange(min = 0, max = 10) int longer) throws IOException {
        int maxLine = blockBytes + longer;
        assertThat(viaBlocks(input, blockBytes, maxLine)).isEqualTo(reference(input, maxLine));
    }

    @Provide
    Arbitrary<byte[]> inputs() {
        return Arbitraries.strings().withChars("ab\n\r{}").ofMaxLength(60)
                .map(s -> s.getBytes(StandardCharsets.ISO_8859_1));
    }

    @Property(tries = 500)
    void wordAtATimeSearchesAgreeWithBytes(@ForAll("inputs") byte[] input, @ForAll @IntRange(max = 59) int from) {
        int start = Math.min(from, input.length);
        long count = 0;
        int next = input.length;
        for (int i = 0; i < input.length; i++) {
            if (input[i] == '\n') {
                count++;
                if (i >= start && next == input.length) {
                    next = i;
                }
            }
        }
        assertThat(LineBlocks.countLf(input, input.length)).isEqualTo(count);
        assertThat(LineBlocks.nextLf(input, start, input.length)).isEqualTo(next);
    }

    @Test
    void longLinesAreSkippedByNumber() throws IOException {
        byte[] input = "ok\n0123456789abcdef\nlast".getBytes(StandardCharsets.US_ASCII);
        assertThat(viaBlocks(input, 4, 8)).containsExactly("1:ok", "2:oversized", "3:last");
        byte[] high = new byte[20];
        Arrays.fill(high, (byte) 0x8A);
        high[10] = '\n';
        assertThat(LineBlocks.countLf(high, high.length)).isEqualTo(1);
    }
}
