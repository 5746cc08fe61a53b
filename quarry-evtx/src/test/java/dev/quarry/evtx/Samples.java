package dev.quarry.evtx;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;

/** Access to the sample EVTX files under {@code src/test/resources/samples}. */
final class Samples {

    /** Records and warnings collected from one read. */
    record Read(List<EvtxRecord> records, List<EvtxWarning> warnings, EvtxStats stats) {

        EvtxRecord record(long recordId) {
            return records.stream()
                    .filter(r -> r.recordId() == recordId)
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no record " + recordId));
        }

        /** Returns the event whose System/EventRecordID is the given number. */
        Element event(long eventRecordId) {
            String id = Long.toString(eventRecordId);
            return records.stream()
                    .map(EvtxRecord::event)
                    .filter(e -> id.equals(e.child("System").child("EventRecordID").text()))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no event with EventRecordID " + eventRecordId));
        }
    }

    private Samples() {
    }

    /** Copies a sample to a temporary file and returns its path. */
    static Path path(String name) {
        try (InputStream in = Samples.class.getResourceAsStream("/samples/" + name)) {
            if (in == null) {
                throw new IllegalArgumentException("sample not found: " + name);
            }
            Path file = Files.createTempFile("sample-", "-" + name);
            file.toFile().deleteOnExit();
            Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static byte[] bytes(String name) {
        try {
            return Files.readAllBytes(path(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Path write(byte[] content) {
        try {
            Path file = Files.createTempFile("synthetic-", ".evtx");
            file.toFile().deleteOnExit();
            Files.write(file, content);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Read read(String name) throws IOException {
        return read(path(name), EvtxOptions.withThreads(1));
    }

    static Read read(Path file, EvtxOptions options) throws IOException {
        List<EvtxRecord> records = new ArrayList<>();
        List<EvtxWarning> warnings = new ArrayList<>();
        try (EvtxFile evtx = EvtxFile.open(file)) {
            EvtxStats stats = evtx.read(new EvtxSink() {
                @Override
                public void record(EvtxRecord record) {
                    records.add(record);
                }

                @Override
                public void warning(EvtxWarning warning) {
                    warnings.add(warning);
                }
            }, options);
            return new Read(records, warnings, stats);
        }
    }
}
