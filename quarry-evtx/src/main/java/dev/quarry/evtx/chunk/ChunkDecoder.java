package dev.quarry.evtx.chunk;

import dev.quarry.evtx.DecodeLimits;
import dev.quarry.evtx.ValueStyle;
import dev.quarry.evtx.Element;
import dev.quarry.evtx.EvtxRecord;
import dev.quarry.evtx.EvtxWarning;
import dev.quarry.evtx.binxml.BinXmlDecoder;
import dev.quarry.evtx.binxml.BinXmlException;
import dev.quarry.evtx.binxml.LittleEndian;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Decodes the records of one 64 KiB chunk. Damage never throws. A chunk with a bad signature
 * or a damaged record is skipped and becomes a warning with its file offset.
 *
 * <p>Event record layout (libevtx format document, "Event record"): signature 2a 2a 00 00,
 * 32-bit size, 64-bit record identifier, FILETIME written time, BinXML, and a copy of the
 * size in the last 4 bytes.
 */
public final class ChunkDecoder {
    private static final int RECORD_SIGNATURE = 0x00002a2a;
    private static final int RECORD_HEADER_SIZE = 24;
    private static final int MIN_RECORD_SIZE = RECORD_HEADER_SIZE + 4;

    private final Path file;
    private final DecodeLimits limits;
    private final ValueStyle style;

    public ChunkDecoder(Path file, DecodeLimits limits) {
        this(file, limits, ValueStyle.LIBEVTX);
    }

    public ChunkDecoder(Path file, DecodeLimits limits, ValueStyle style) {
        this.file = file;
        this.limits = limits;
        this.style = style;
    }

    /**
     * Decodes a chunk.
     *
     * @param chunk the chunk's {@link ChunkHeader#CHUNK_SIZE} bytes
     * @param fileOffset the chunk's offset in the file, for record offsets and warnings
     */
    public DecodedChunk decode(byte[] chunk, long fileOffset) {
        if (isZero(chunk, 0, chunk.length)) {
            return DecodedChunk.unused();
        }
        List<EvtxWarning> warnings = new ArrayList<>();
        if (!ChunkHeader.hasSignature(chunk)) {
            warnings.add(warning(fileOffset, String.format(
                    "invalid chunk signature %s; expected \"ElfChnk\\0\"; skipped the chunk (%d bytes)",
                    hexBytes(chunk, 0, 8), chunk.length)));
            return new DecodedChunk(List.of(), warnings, 0, true);
        }

        ChunkHeader header = ChunkHeader.read(chunk);
        int end = ChunkHeader.CHUNK_SIZE;
        if (header.hasValidFreeSpaceOffset()) {
            end = (int) header.freeSpaceOffset();
        } else {
            warnings.add(warning(fileOffset + 48, "invalid free space offset " + header.freeSpaceOffset()
                    + "; expected " + ChunkHeader.HEADER_SIZE + " to " + ChunkHeader.CHUNK_SIZE
                    + "; reading records up to the end of the chunk"));
        }
        checkChecksums(chunk, header, end, fileOffset, warnings);

        List<EvtxRecord> records = new ArrayList<>(128);
        int skipped = 0;
        BinXmlDecoder decoder = new BinXmlDecoder(chunk, limits, style);
        int offset = ChunkHeader.HEADER_SIZE;
        while (offset < end) {
            long recordFileOffset = fileOffset + offset;
            if (end - offset < 4 || LittleEndian.i32(chunk, offset) != RECORD_SIGNATURE) {
                reportEndOfRecords(chunk, offset, end, fileOffset, warnings);
                if (end - offset >= 4 && LittleEndian.i32(chunk, offset) != 0) {
                    skipped++;
                }
                break;
            }
            long size = end - offset < RECORD_HEADER_SIZE ? -1 : LittleEndian.u32(chunk, offset + 4);
            if (size < MIN_RECORD_SIZE || size > ChunkHeader.CHUNK_SIZE - offset) {
                warnings.add(warning(recordFileOffset, "invalid record size " + size + "; expected "
                        + MIN_RECORD_SIZE + " to " + (ChunkHeader.CHUNK_SIZE - offset)
                        + " bytes to fit the chunk; skipped the rest of the chunk (" + (end - offset) + " bytes)"));
                skipped++;
                break;
            }
            int recordSize = (int) size;
            long recordId = LittleEndian.i64(chunk, offset + 8);
            try {
                Element event = decoder.decodeEvent(offset + RECORD_HEADER_SIZE, offset + recordSize - 4);
                Instant written = filetimeInstant(LittleEndian.i64(chunk, offset + 16));
                records.add(new EvtxRecord(recordId, written, recordFileOffset, event));
                long sizeCopy = LittleEndian.u32(chunk, offset + recordSize - 4);
                if (sizeCopy != size) {
                    // A record whose trailing size copy is wrong was cut short while being written.
                    // Its BinXML decoded completely, so it is kept (as the Rust evtx crate keeps it).
                    warnings.add(warning(recordFileOffset + recordSize - 4, "record " + recordId
                            + " has size copy " + sizeCopy + " but size " + size
                            + "; kept the record because its BinXML decoded completely"));
                }
            } catch (BinXmlException e) {
                warnings.add(warning(fileOffset + e.chunkOffset(), "record " + recordId
                        + " at offset " + recordFileOffset + " skipped: " + e.getMessage()));
                skipped++;
            }
            offset += recordSize;
        }
        return new DecodedChunk(records, warnings, skipped, false);
    }

    /**
     * Reports what follows the last record when it is not a record. Zero bytes where a
     * signature should be mean the chunk was never written this far: Windows reuses chunks,
     * so stale bytes of an older generation may follow, and they are reported but no record is
     * counted as skipped. Any other bytes are a damaged record, counted as one.
     */
    private void reportEndOfRecords(byte[] chunk, int offset, int end, long fileOffset,
            List<EvtxWarning> warnings) {
        if (isZero(chunk, offset, end)) {
            return;
        }
        String found = hexBytes(chunk, offset, Math.min(4, end - offset));
        if (end - offset >= 4 && LittleEndian.i32(chunk, offset) == 0) {
            warnings.add(warning(fileOffset + offset, "no record signature after the last record (found "
                    + found + "), but " + (end - offset) + " bytes up to the free space offset are not"
                    + " all zero; ignored them as stale data from an earlier use of the chunk"));
        } else {
            warnings.add(warning(fileOffset + offset, "invalid record signature " + found
                    + "; expected 2A 2A 00 00; skipped the rest of the chunk (" + (end - offset) + " bytes)"));
        }
    }

    private void checkChecksums(byte[] chunk, ChunkHeader header, int end, long fileOffset,
            List<EvtxWarning> warnings) {
        if (!header.storesChecksums()) {
            return;
        }
        long headerChecksum = ChunkHeader.computeHeaderChecksum(chunk);
        if (headerChecksum != header.headerChecksum()) {
            warnings.add(warning(fileOffset + 124, String.format("chunk header checksum 0x%08x does not"
                    + " match the computed 0x%08x; records are still read, each checked on its own",
                    header.headerChecksum(), headerChecksum)));
        }
        long dataChecksum = ChunkHeader.computeDataChecksum(chunk, end);
        if (dataChecksum != header.dataChecksum()) {
            warnings.add(warning(fileOffset + 52, String.format("chunk data checksum 0x%08x does not"
                    + " match the computed 0x%08x; records are still read, each checked on its own",
                    header.dataChecksum(), dataChecksum)));
        }
    }

    /** Converts a FILETIME (100 ns ticks since 1601-01-01 UTC) to an instant. */
    static Instant filetimeInstant(long ticks) {
        long seconds = Long.divideUnsigned(ticks, 10_000_000L) - 11_644_473_600L;
        long nanos = Long.remainderUnsigned(ticks, 10_000_000L) * 100;
        return Instant.ofEpochSecond(seconds, nanos);
    }

    private EvtxWarning warning(long offset, String message) {
        return new EvtxWarning(file, offset, message);
    }

    private static boolean isZero(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            if (bytes[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static String hexBytes(byte[] bytes, int offset, int length) {
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < length; i++) {
            if (i > 0) {
                text.append(' ');
            }
            text.append(String.format("%02X", bytes[offset + i] & 0xff));
        }
        return text.toString();
    }
}
