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
    public void jsonBlock(String name, long firstLine, byte[] block, int length) {
        JsonEventReader.parseBlock(name, firstLine, block, length, prefilter, o -> o.deliver(listener));
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
