package dev.quarry.ingest;

import java.io.IOException;
import java.io.InputStream;
import java.util.Arrays;

/**
 * Splits a byte stream into lines ending in LF (a CR before it is dropped) without decoding them, keeping at most
 * {@code maxBytes} of any line so that one huge line cannot exhaust memory.
 */
final class LineReader {
    private final InputStream in;
    private final int maxBytes;
    private final byte[] chunk = new byte[65536];
    private int chunkLen;
    private int chunkPos;
    private byte[] line = new byte[8192];
    private int length;
    private boolean oversized;
    private long lineNumber;
    private boolean eof;

    LineReader(InputStream in, int maxBytes) {
        this.in = in;
        this.maxBytes = maxBytes;
    }

    /** Reads the next line; false at the end of the stream. */
    boolean next() throws IOException {
        if (eof) {
            return false;
        }
        length = 0;
        oversized = false;
        boolean any = false;
        while (true) {
            if (chunkPos >= chunkLen) {
                chunkLen = in.read(chunk);
                chunkPos = 0;
                if (chunkLen <= 0) {
                    eof = true;
                    if (any) {
                        lineNumber++;
                        trimCr();
                        return true;
                    }
                    return false;
                }
            }
            any = true;
            int start = chunkPos;
            int end = start;
            while (end < chunkLen && chunk[end] != '\n') {
                end++;
            }
            append(start, end);
            if (end < chunkLen) {
                chunkPos = end + 1;
                lineNumber++;
                trimCr();
                return true;
            }
            chunkPos = chunkLen;
        }
    }

    private void append(int start, int end) {
        int n = end - start;
        if (oversized || n == 0) {
            return;
        }
        if (length + n > maxBytes) {
            oversized = true;
            length = 0;
            return;
        }
        if (length + n > line.length) {
            line = Arrays.copyOf(line, Math.min(maxBytes, Math.max(line.length * 2, length + n)));
        }
        System.arraycopy(chunk, start, line, length, n);
        length += n;
    }

    private void trimCr() {
        if (length > 0 && line[length - 1] == '\r') {
            length--;
        }
    }

    byte[] buffer() {
        return line;
    }

    int length() {
        return length;
    }

    boolean oversized() {
        return oversized;
    }

    long lineNumber() {
        return lineNumber;
    }

    boolean isBlank() {
        for (int i = 0; i < length; i++) {
            byte b = line[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }
}
