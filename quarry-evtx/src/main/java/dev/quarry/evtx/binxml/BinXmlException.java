package dev.quarry.evtx.binxml;

/**
 * Damaged or unsupported BinXML. The offset is relative to the start of the chunk, and the
 * message names what the decoder expected there. The chunk reader turns it into a warning.
 */
public final class BinXmlException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final int chunkOffset;

    public BinXmlException(int chunkOffset, String message) {
        super(message, null, false, false);
        this.chunkOffset = chunkOffset;
    }

    /** Offset of the damaged bytes from the start of the chunk. */
    public int chunkOffset() {
        return chunkOffset;
    }
}
