package dev.quarry.ingest;

import dev.quarry.prefilter.Prefilter;

/** Parses each record at once, on the reading thread. */
final class DirectRecords implements RecordSink {
    private final IngestListener listener;
    private final Prefilter prefilter;

    DirectRecords(IngestListener listener, Prefilter prefilter) {
        this.listener = listener;
        this.prefilter = prefilter;
    }

    @Override
    public void jsonLine(String name, long line, byte[] bytes, int length) {
        RecordSink.parseJson(name, line, bytes, length, prefilter).deliver(listener);
    }

    @Override
    public void xmlFragment(String name, int line, String xml) {
        RecordSink.parseXml(name, line, xml, prefilter).deliver(listener);
    }

    @Override
    public IngestListener listener() {
        return listener;
    }

    @Override
    public void flush() {
    }

    @Override
    public Prefilter prefilter() {
        return prefilter;
    }
}
