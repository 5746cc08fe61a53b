package dev.quarry.ingest;

import dev.quarry.prefilter.Prefilter;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Parses records on worker threads while the reading thread goes on. Records are gathered into batches; each
 * batch is parsed by a worker; the reading thread delivers finished batches to the listener in the order they were
 * made, waiting for the oldest when {@link #maxInFlight} batches are pending. So the listener sees the same events
 * in the same order as with {@link DirectRecords}, always on the reading thread, and memory holds at most
 * {@code maxInFlight} batches of about {@link #BATCH_BYTES} of input each.
 */
final class ParallelRecords implements RecordSink {
    /** Records per batch, and input bytes per batch, whichever is reached first. */
    static final int BATCH_RECORDS = 2048;
    static final int BATCH_BYTES = 4 * 1024 * 1024;

    private final IngestListener target;
    private final Prefilter prefilter;
    private final ExecutorService pool;
    private final int maxInFlight;
    private final ArrayDeque<Future<List<Object>>> inFlight = new ArrayDeque<>();
    private List<Object> batch = new ArrayList<>(BATCH_RECORDS);
    private long batchBytes;

    /**
     * A block of JSON lines or an XML event to parse; replaced in the batch once parsed by its outcomes (a list) or
     * its {@link RecordOutcome}.
     */
    private record JsonBlock(String name, long firstLine, byte[] block, int length) {
    }

    private record XmlItem(String name, int line, String xml) {
    }

    /** A listener call made by a reader, replayed in order. */
    private record Call(Consumer<IngestListener> call) {
    }

    private final IngestListener recording = new IngestListener() {
        @Override
        public void event(Event event) {
            add(new Call(l -> l.event(event)), 256);
        }

        @Override
        public void problem(ReadProblem problem) {
            add(new Call(l -> l.problem(problem)), 64);
        }

        @Override
        public void inputStarted(String name, String kind) {
            add(new Call(l -> l.inputStarted(name, kind)), 64);
        }

        @Override
        public void passedOver() {
            add(new Call(IngestListener::passedOver), 8);
        }

        @Override
        public void bytesRead(long delta) {
            target.bytesRead(delta);
        }
    };

    ParallelRecords(IngestListener target, Prefilter prefilter, ExecutorService pool, int maxInFlight) {
        this.target = target;
        this.prefilter = prefilter;
        this.pool = pool;
        this.maxInFlight = maxInFlight;
    }

    @Override
    public void jsonBlock(String name, long firstLine, byte[] block, int length) {
        add(new JsonBlock(name, firstLine, block, length), length);
        // A block is work enough for one task; sending it at once keeps every worker busy on a single file.
        submit();
    }

    @Override
    public void xmlFragment(String name, int line, String xml) {
        add(new XmlItem(name, line, xml), xml.length() * 2L);
    }

    @Override
    public IngestListener listener() {
        return recording;
    }

    @Override
    public Prefilter prefilter() {
        return prefilter;
    }

    private void add(Object item, long bytes) {
        batch.add(item);
        batchBytes += bytes;
        if (batch.size() >= BATCH_RECORDS || batchBytes >= BATCH_BYTES) {
            submit();
        }
    }

    private void submit() {
        if (batch.isEmpty()) {
            return;
        }
        List<Object> items = batch;
        batch = new ArrayList<>(BATCH_RECORDS);
        batchBytes = 0;
        inFlight.add(pool.submit(() -> parse(items)));
        while (inFlight.size() > maxInFlight) {
            deliver(inFlight.poll());
        }
    }

    private List<Object> parse(List<Object> items) {
        for (int i = 0; i < items.size(); i++) {
            Object item = items.get(i);
            if (item instanceof JsonBlock j) {
                List<RecordOutcome> outcomes = new ArrayList<>();
                JsonEventReader.parseBlock(j.name(), j.firstLine(), j.block(), j.length(), prefilter, outcomes::add);
                items.set(i, outcomes);
            } else if (item instanceof XmlItem x) {
                items.set(i, RecordSink.parseXml(x.name(), x.line(), x.xml(), prefilter));
            }
        }
        return items;
    }

    private void deliver(Future<List<Object>> future) {
        List<Object> items;
        try {
            items = future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for parsed events", e);
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof RuntimeException r) {
                throw r;
            }
            if (cause instanceof Error err) {
                throw err;
            }
            throw new IllegalStateException(cause);
        }
        for (Object item : items) {
            if (item instanceof RecordOutcome o) {
                o.deliver(target);
            } else if (item instanceof List<?> outcomes) {
                for (Object o : outcomes) {
                    ((RecordOutcome) o).deliver(target);
                }
            } else if (item instanceof Call c) {
                c.call().accept(target);
            }
        }
    }

    @Override
    public void flush() {
        submit();
        while (!inFlight.isEmpty()) {
            deliver(inFlight.poll());
        }
    }
}
