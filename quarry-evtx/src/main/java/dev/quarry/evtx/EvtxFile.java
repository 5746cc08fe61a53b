package dev.quarry.evtx;

import java.io.Closeable;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * An open EVTX file. {@link #read} streams its records in file order to a sink, decoding
 * chunk by chunk with positional reads, so memory stays bounded whatever the file size.
 *
 * <pre>{@code
 * try (EvtxFile file = EvtxFile.open(path)) {
 *     EvtxStats stats = file.read(record -> System.out.println(record.recordId()));
 * }
 * }</pre>
 */
public final class EvtxFile implements Closeable {
    private final Path path;
    private final FileChannel channel;
    private final FileHeader header;
    private final long size;

    private EvtxFile(Path path, FileChannel channel, FileHeader header, long size) {
        this.path = path;
        this.channel = channel;
        this.header = header;
        this.size = size;
    }

    /**
     * Opens a file and checks its header signature.
     *
     * @throws EvtxFormatException if the file is too short or is not an EVTX file
     * @throws IOException if the file cannot be opened or read
     */
    public static EvtxFile open(Path path) throws IOException {
        FileChannel channel = FileChannel.open(path, StandardOpenOption.READ);
        try {
            long size = channel.size();
            byte[] first = new byte[(int) Math.min(size, FileHeader.SIZE)];
            readFully(channel, first, 0);
            FileHeader header = FileHeader.parse(path, first);
            return new EvtxFile(path, channel, header, size);
        } catch (IOException | RuntimeException e) {
            channel.close();
            throw e;
        }
    }

    /**
     * Returns whether content starts with the EVTX file signature, so callers can recognize
     * EVTX input by its bytes rather than its name. Eight bytes are enough.
     */
    public static boolean isEvtx(byte[] firstBytes) {
        return FileHeader.hasSignature(firstBytes);
    }

    public Path path() {
        return path;
    }

    public FileHeader header() {
        return header;
    }

    /** Returns the file size in bytes when it was opened. */
    public long size() {
        return size;
    }

    /** Reads every record with {@link EvtxOptions#defaults()}. */
    public EvtxStats read(EvtxSink sink) throws IOException {
        return read(sink, EvtxOptions.defaults());
    }

    /**
     * Reads every chunk slot the file size allows and delivers records and warnings to the sink
     * from the calling thread, in file order. File order is record order within each chunk; a
     * log that has wrapped around keeps its oldest chunk in the middle of the file, so sort by
     * {@link EvtxRecord#recordId()} if identifier order matters. An exception thrown by the sink
     * stops reading and propagates.
     *
     * @throws IOException if reading the file fails
     */
    public EvtxStats read(EvtxSink sink, EvtxOptions options) throws IOException {
        return new ChunkPipeline(this, options).run(sink);
    }

    /** Reads bytes at a file offset into the buffer, stopping early only at end of file. */
    int readAt(byte[] buffer, long offset) throws IOException {
        return readFully(channel, buffer, offset);
    }

    @Override
    public void close() throws IOException {
        channel.close();
    }

    @Override
    public String toString() {
        return "EvtxFile[" + path + ", " + size + " bytes]";
    }

    private static int readFully(FileChannel channel, byte[] buffer, long offset) throws IOException {
        ByteBuffer target = ByteBuffer.wrap(buffer);
        while (target.hasRemaining()) {
            int n = channel.read(target, offset + target.position());
            if (n < 0) {
                Arrays.fill(buffer, target.position(), buffer.length, (byte) 0);
                break;
            }
        }
        return target.position();
    }
}
