package dev.quarry.evtx.chunk;

import dev.quarry.evtx.EvtxRecord;
import dev.quarry.evtx.EvtxWarning;
import java.util.List;

/**
 * The outcome of decoding one chunk. Records and warnings are each in file order.
 *
 * @param records the records decoded
 * @param warnings damage found in the chunk, including records read despite a problem
 * @param recordsSkipped damaged records left out of {@code records}
 * @param chunkSkipped whether the whole chunk was left out because its header is damaged
 */
public record DecodedChunk(
        List<EvtxRecord> records,
        List<EvtxWarning> warnings,
        int recordsSkipped,
        boolean chunkSkipped) {

    public DecodedChunk {
        records = List.copyOf(records);
        warnings = List.copyOf(warnings);
    }

    /** Returns the result for an unused chunk slot: all zero bytes, so nothing to report. */
    public static DecodedChunk unused() {
        return new DecodedChunk(List.of(), List.of(), 0, false);
    }
}
