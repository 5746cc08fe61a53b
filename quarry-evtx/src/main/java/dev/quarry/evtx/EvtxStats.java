package dev.quarry.evtx;

/**
 * Counts for one read of a file.
 *
 * @param recordsRead records delivered to the sink
 * @param recordsSkipped damaged records left out; a run of damaged bytes after which no
 *     further record of its chunk can be found counts as one
 * @param chunksSkipped chunks left out whole because their header is damaged
 * @param bytesRead bytes read from the file, headers included
 */
public record EvtxStats(long recordsRead, long recordsSkipped, long chunksSkipped, long bytesRead) {

    /** Returns the sum of two counts, for totals over several files. */
    public EvtxStats plus(EvtxStats other) {
        return new EvtxStats(recordsRead + other.recordsRead, recordsSkipped + other.recordsSkipped,
                chunksSkipped + other.chunksSkipped, bytesRead + other.bytesRead);
    }
}
