package dev.quarry.evtx.chunk;

import dev.quarry.evtx.binxml.LittleEndian;
import java.util.zip.CRC32;

/**
 * The 512-byte header of a 64 KiB chunk (libevtx format document, "Chunk header"). The common
 * string offset table and the template pointer table are not kept: names and templates are
 * found through the offsets inside the records, which is all the decoder needs.
 *
 * @param firstRecordNumber number of the first record in the chunk
 * @param lastRecordNumber number of the last record in the chunk
 * @param firstRecordId identifier of the first record in the chunk
 * @param lastRecordId identifier of the last record in the chunk
 * @param headerSize stored header size, 128 in every file seen
 * @param lastRecordOffset chunk offset of the last record
 * @param freeSpaceOffset chunk offset where unused space starts, after the last record
 * @param dataChecksum stored CRC32 of the bytes from offset 512 to the free space offset
 * @param flags chunk flags; 0x1 marks a dirty chunk and 0x4 a chunk without checksums
 * @param headerChecksum stored CRC32 of header bytes 0 to 120 and 128 to 512
 */
public record ChunkHeader(
        long firstRecordNumber,
        long lastRecordNumber,
        long firstRecordId,
        long lastRecordId,
        long headerSize,
        long lastRecordOffset,
        long freeSpaceOffset,
        long dataChecksum,
        long flags,
        long headerChecksum) {

    /** Size of a chunk, header included. */
    public static final int CHUNK_SIZE = 65536;
    /** Size of the chunk header, which the records follow. */
    public static final int HEADER_SIZE = 512;
    /** Chunk flag: the chunk stores no checksums (seen in files written by some export tools). */
    public static final long FLAG_NO_CRC32 = 0x4;

    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};

    /** Returns whether the chunk starts with the signature {@code ElfChnk\0}. */
    public static boolean hasSignature(byte[] chunk) {
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (chunk[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /** Reads the header fields of a chunk whose signature has been checked. */
    public static ChunkHeader read(byte[] chunk) {
        return new ChunkHeader(
                LittleEndian.i64(chunk, 8),
                LittleEndian.i64(chunk, 16),
                LittleEndian.i64(chunk, 24),
                LittleEndian.i64(chunk, 32),
                LittleEndian.u32(chunk, 40),
                LittleEndian.u32(chunk, 44),
                LittleEndian.u32(chunk, 48),
                LittleEndian.u32(chunk, 52),
                LittleEndian.u32(chunk, 120),
                LittleEndian.u32(chunk, 124));
    }

    /** Computes the header checksum: CRC32 of bytes 0 to 120 and 128 to 512. */
    public static long computeHeaderChecksum(byte[] chunk) {
        CRC32 crc = new CRC32();
        crc.update(chunk, 0, 120);
        crc.update(chunk, 128, HEADER_SIZE - 128);
        return crc.getValue();
    }

    /** Computes the data checksum: CRC32 of the bytes from 512 up to {@code end}. */
    public static long computeDataChecksum(byte[] chunk, int end) {
        CRC32 crc = new CRC32();
        crc.update(chunk, HEADER_SIZE, end - HEADER_SIZE);
        return crc.getValue();
    }

    /** Returns whether the free space offset lies inside the record area of the chunk. */
    public boolean hasValidFreeSpaceOffset() {
        return freeSpaceOffset >= HEADER_SIZE && freeSpaceOffset <= CHUNK_SIZE;
    }

    public boolean storesChecksums() {
        return (flags & FLAG_NO_CRC32) == 0;
    }
}
