package dev.quarry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;
import java.util.Arrays;

/**
 * Cuts a byte stream into blocks of whole lines without decoding them, so that worker threads can split, filter
 * and parse the lines of a block while the next one is read. Each block is a new array that the caller may keep;
 * only the part of a line that runs past a block is copied into the next one.
 *
 * <p>A line longer than {@code maxLineBytes} is not kept: {@link #next} reports it by its number instead of a block
 * and skips it, so memory stays within about {@code maxLineBytes} plus the block size whatever the input.
 */
final class LineBlocks {
    private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class,
            ByteOrder.LITTLE_ENDIAN);
    private static final long ONES = 0x0101010101010101L;
    private static final long LOW7 = 0x7F7F7F7F7F7F7F7FL;

    private final InputStream in;
    private final int blockBytes;
    private final int maxLineBytes;
    private byte[] buffer;
    private int filled;
    private boolean eof;
    private long linesBefore;

    private byte[] block;
    private int length;
    private long firstLine;
    private long oversizedLine = -1;

    /** {@code blockBytes} may not exceed {@code maxLineBytes}, so that a line within a block is never too long. */
    LineBlocks(InputStream in, int blockBytes, int maxLineBytes) {
        if (blockBytes < 1 || blockBytes > maxLineBytes) {
            throw new IllegalArgumentException("block size " + blockBytes + " must be 1 to " + maxLineBytes);
        }
        this.in = in;
        this.blockBytes = blockBytes;
        this.maxLineBytes = maxLineBytes;
        this.buffer = new byte[blockBytes];
    }

    /**
     * Reads the next block, or skips the next line that is too long; false at the end of the stream. Afterwards
     * either {@link #oversizedLine} is the skipped line's number, or {@link #block} holds whole lines from line
     * {@link #firstLine} on, each ending in LF except the last line of a stream without a final LF.
     */
    boolean next() throws IOException {
        oversizedLine = -1;
        while (true) {
            fill();
            int lastLf = lastIndexOf(buffer, filled, (byte) '\n');
            if (lastLf >= 0 || (eof && filled > 0 && filled <= maxLineBytes)) {
                int end = lastLf >= 0 ? lastLf + 1 : filled;
                block = buffer;
                length = end;
                firstLine = linesBefore + 1;
                linesBefore += countLf(block, end) + (lastLf >= 0 ? 0 : 1);
                byte[] next = new byte[Math.max(blockBytes, filled - end)];
                System.arraycopy(buffer, end, next, 0, filled - end);
                buffer = next;
                filled -= end;
                return true;
            }
            if (eof && filled == 0) {
                return false;
            }
            if (!eof && buffer.length <= maxLineBytes) {
                buffer = Arrays.copyOf(buffer, (int) Math.min((long) maxLineBytes + 1, buffer.length * 2L));
                continue;
            }
            skipRestOfLine();
            oversizedLine = ++linesBefore;
            return true;
        }
    }

    /** Reads until the buffer is full or the stream ends. */
    private void fill() throws IOException {
        while (filled < buffer.length && !eof) {
            int n = in.read(buffer, filled, buffer.length - filled);
            if (n < 0) {
                eof = true;
            } else {
                filled += n;
            }
        }
    }

    /** Drops the buffer, which holds only the start of one long line, and the input up to the end of that line. */
    private void skipRestOfLine() throws IOException {
        filled = 0;
        while (true) {
            int n = in.read(buffer, 0, buffer.length);
            if (n < 0) {
                eof = true;
                return;
            }
            for (int i = 0; i < n; i++) {
                if (buffer[i] == '\n') {
                    System.arraycopy(buffer, i + 1, buffer, 0, n - i - 1);
                    filled = n - i - 1;
                    return;
                }
            }
        }
    }

    byte[] block() {
        return block;
    }

    int length() {
        return length;
    }

    long firstLine() {
        return firstLine;
    }

    /** The number of the line {@link #next} skipped as too long, or -1. */
    long oversizedLine() {
        return oversizedLine;
    }

    private static int lastIndexOf(byte[] bytes, int end, byte b) {
        for (int i = end - 1; i >= 0; i--) {
            if (bytes[i] == b) {
                return i;
            }
        }
        return -1;
    }

    /** Counts LF bytes eight at a time: a byte of {@code x} is zero exactly where the word had an LF. */
    static long countLf(byte[] bytes, int end) {
        long count = 0;
        int i = 0;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ (ONES * '\n');
            count += Long.bitCount(~(((x & LOW7) + LOW7) | x | LOW7));
        }
        for (; i < end; i++) {
            if (bytes[i] == '\n') {
                count++;
            }
        }
        return count;
    }

    /** Index of the next LF in {@code bytes[from, end)}, or {@code end} when there is none. */
    static int nextLf(byte[] bytes, int from, int end) {
        int i = from;
        for (; i + 8 <= end; i += 8) {
            long x = (long) LONGS.get(bytes, i) ^ (ONES * '\n');
            long zeros = ~(((x & LOW7) + LOW7) | x | LOW7);
            if (zeros != 0) {
                return i + (Long.numberOfTrailingZeros(zeros) >>> 3);
            }
        }
        for (; i < end; i++) {
            if (bytes[i] == '\n') {
                return i;
            }
        }
        return end;
    }
}
