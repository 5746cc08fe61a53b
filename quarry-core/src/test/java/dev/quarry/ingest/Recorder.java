package dev.quarry.ingest;

import java.util.ArrayList;
import java.util.List;

/** Keeps everything a reader produced, for assertions. */
final class Recorder implements IngestListener {
    final List<Event> events = new ArrayList<>();
    final List<ReadProblem> problems = new ArrayList<>();
    final List<String> kinds = new ArrayList<>();

    @Override
    public void event(Event event) {
        events.add(event);
    }

    @Override
    public void problem(ReadProblem problem) {
        problems.add(problem);
    }

    @Override
    public void inputStarted(String name, String kind) {
        kinds.add(kind);
    }

    static Recorder read(String resource) {
        Recorder r = new Recorder();
        new InputReader(r).readStream(resource, Recorder.class.getResourceAsStream("/ingest/" + resource));
        return r;
    }

    static Recorder read(String name, byte[] bytes) {
        Recorder r = new Recorder();
        new InputReader(r).readStream(name, new java.io.ByteArrayInputStream(bytes));
        return r;
    }
}
