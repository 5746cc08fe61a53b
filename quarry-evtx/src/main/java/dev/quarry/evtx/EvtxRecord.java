package dev.quarry.evtx;

import java.time.Instant;
import java.util.Objects;

/**
 * One event record.
 *
 * @param recordId the record identifier from the record header (EventRecordID)
 * @param written when the record was written, from the record header's FILETIME
 * @param fileOffset byte offset of the record's signature from the start of the file
 * @param event the decoded event, usually an {@code Event} element
 */
public record EvtxRecord(long recordId, Instant written, long fileOffset, Element event) {

    public EvtxRecord {
        Objects.requireNonNull(written, "written");
        Objects.requireNonNull(event, "event");
    }
}
