package dev.quarry.ingest;

import dev.quarry.prefilter.Prefilter;

/**
 * Where readers hand the records they cut out of their input, to be parsed either at once or by worker threads.
 * Either way the listener sees every event and problem in input order, on the thread that reads.
 */
interface RecordSink {
    /** A JSON line; {@code bytes[0, length)} is only valid during the call. */
    void jsonLine(String name, long line, byte[] bytes, int length);

    /** The text of one XML {@code <Event>}. */
    void xmlFragment(String name, int line, String xml);

    /** The listener for everything that is not a record to parse, in order with the records. */
    IngestListener listener();

    /** Delivers everything still pending. */
    void flush();

    Prefilter prefilter();

    /** Parses one JSON line, prefilter first. */
    static RecordOutcome parseJson(String name, long line, byte[] bytes, int length, Prefilter prefilter) {
        if (!prefilter.mayMatch(bytes, 0, length)) {
            return RecordOutcome.PASSED_OVER;
        }
        return JsonEventReader.parseLine(name, line, bytes, length);
    }

    /** Parses one XML event, prefilter first. */
    static RecordOutcome parseXml(String name, int line, String xml, Prefilter prefilter) {
        if (!prefilter.mayMatch(xml)) {
            return RecordOutcome.PASSED_OVER;
        }
        return XmlEventReader.parseFragment(name, line, xml);
    }
}
