package dev.quarry.evtx;

import dev.quarry.evtx.binxml.LittleEndian;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32;

/**
 * The EVTX file header (libevtx format document, "File header"): the first 4096 bytes, of
 * which the first 128 are used. The reader trusts only the signature. Chunk count and next
 * record identifier go stale in a dirty file, so every chunk slot the file size allows is read.
 *
 * @param firstChunkNumber number of the oldest chunk
 * @param lastChunkNumber number of the newest chunk
 * @param nextRecordId identifier the next record written will get
 * @param headerSize stored header size, 128 in every file seen
 * @param minorVersion format minor version, 1 or 2
 * @param majorVersion format major version, 3
 * @param headerBlockSize size of the header block and so offset of the first chunk, 4096
 * @param chunkCount number of chunks in use when the header was last written
 * @param flags file flags: 0x1 dirty, 0x2 full
 * @param checksum stored CRC32 of the first 120 bytes
 * @param checksumValid whether {@code checksum} matches the computed CRC32
 */
public record FileHeader(
        long firstChunkNumber,
        long lastChunkNumber,
        long nextRecordId,
        long headerSize,
        int minorVersion,
        int majorVersion,
        int headerBlockSize,
        int chunkCount,
        long flags,
        long checksum,
        boolean checksumValid) {

    /** Size of the header block; the first chunk starts right after it. */
    public static final int SIZE = 4096;
    public static final long FLAG_DIRTY = 0x1;
    public static final long FLAG_FULL = 0x2;

    private static final byte[] SIGNATURE = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};

    /** Returns whether these bytes start with the EVTX file signature {@code ElfFile\0}. */
    public static boolean hasSignature(byte[] bytes) {
        if (bytes.length < SIGNATURE.length) {
            return false;
        }
        for (int i = 0; i < SIGNATURE.length; i++) {
            if (bytes[i] != SIGNATURE[i]) {
                return false;
            }
        }
        return true;
    }

    /**
     * Parses the header from the first bytes of a file.
     *
     * @throws EvtxFormatException if fewer than 128 bytes are given or the signature is wrong
     */
    public static FileHeader parse(Path file, byte[] bytes) throws EvtxFormatException {
        if (bytes.length < 128) {
            throw new EvtxFormatException(file, 0, "file is " + bytes.length
                    + " bytes long; expected an EVTX file header of at least 128 bytes");
        }
        if (!hasSignature(bytes)) {
            throw new EvtxFormatException(file, 0,
                    "invalid file signature; expected \"ElfFile\\0\", so this is not an EVTX file");
        }
        CRC32 crc = new CRC32();
        crc.update(bytes, 0, 120);
        long checksum = LittleEndian.u32(bytes, 124);
        return new FileHeader(
                LittleEndian.i64(bytes, 8),
                LittleEndian.i64(bytes, 16),
                LittleEndian.i64(bytes, 24),
                LittleEndian.u32(bytes, 32),
                LittleEndian.u16(bytes, 36),
                LittleEndian.u16(bytes, 38),
                LittleEndian.u16(bytes, 40),
                LittleEndian.u16(bytes, 42),
                LittleEndian.u32(bytes, 120),
                checksum,
                crc.getValue() == checksum);
    }

    public boolean isDirty() {
        return (flags & FLAG_DIRTY) != 0;
    }

    public boolean isFull() {
        return (flags & FLAG_FULL) != 0;
    }

    /**
     * Lists fields that differ from what Windows writes. None of them stops reading, because the
     * reader uses only the signature; each becomes a warning at offset 0.
     */
    public List<String> problems() {
        List<String> problems = new ArrayList<>();
        if (!checksumValid) {
            problems.add(String.format("file header checksum 0x%08x does not match the computed CRC32"
                    + " of its first 120 bytes", checksum));
        }
        if (headerSize != 128) {
            problems.add("file header size is " + headerSize + "; expected 128");
        }
        if (majorVersion != 3) {
            problems.add("file format version is " + majorVersion + "." + minorVersion + "; expected 3.1 or 3.2");
        }
        if (headerBlockSize != SIZE) {
            problems.add("header block size is " + headerBlockSize + "; expected " + SIZE
                    + ", and chunks are read from offset " + SIZE + " regardless");
        }
        return problems;
    }
}
