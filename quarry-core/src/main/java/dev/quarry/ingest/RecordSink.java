package dev.quarry.ingest;

import dev.quarry.prefilter.Prefilter;

/**
 * Where readers hand the records they cut out of their input, to be parsed either at once or by worker threads.
 * Either way the listener sees every event and problem in input order, on the thread that reads.
 */
interface RecordSink {
    /** Whole JSON lines from line {@code firstLine} on, in {@code block[0, length)}; the sink may keep the array. */
    void jsonBlock(String name, long firstLine, byte[] block, int length);

    /** The text of one XML {@code <Event>}. */
    void xmlFragment(String name, int line, String xml);

    /** The listener for everything that is not a record to parse, in order with the records. */
    IngestListener listener();

    /** Delivers everything still pending. */
    void flush();

    Prefilter prefilter();

    /** Parses one XML event, prefilter first. */
    static RecordOutcome parseXml(String name, int line, String xml, Prefilter prefilter) {
        if (!prefilter.mayMatch(xml)) {
            return RecordOutcome.PASSED_OVER;
        }
        return XmlEventReader.parseFragment(name, line, xml);
    }
}
