package dev.quarry.run;

import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.ingest.Event;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;

/**
 * Detections split between threads, each thread a {@link OnePassRun} over its share. The calling thread normalizes
 * each event once and hands events with their records, in batches and in input order, to every thread. Each
 * detection thus sees the same events in the same order as in a single run, so results are identical; the
 * detections merely run side by side.
 *
 * <p>Records are shared between the threads: the first operator of a dataset pipeline reads a record without
 * keeping or changing it, and events are immutable. Memory is bounded by {@link #QUEUED_BATCHES} batches of
 * {@link #BATCH_EVENTS} events per thread.
 */
final class ShardedRun implements DetectionRun {
    static final int BATCH_EVENTS = 256;
    static final int QUEUED_BATCHES = 8;

    private static final List<OnePassRun.Normalized> NONE = List.of();
    /** The batch that tells a thread its input has ended. */
    private static final List<Item> END = new ArrayList<>();

    private record Item(Event event, List<OnePassRun.Normalized> records) {
    }

    /** One thread's run and its queue; what the thread ends with. */
    private static final class Shard implements Runnable {
        final OnePassRun run;
        final BlockingQueue<List<Item>> queue = new ArrayBlockingQueue<>(QUEUED_BATCHES);
        List<DetectionResult> results;
        Throwable crash;

        Shard(OnePassRun run) {
            this.run = run;
        }

        @Override
        public void run() {
            while (true) {
                List<Item> batch;
                try {
                    batch = queue.take();
                } catch (InterruptedException e) {
                    crash = e;
                    return;
                }
                if (batch == END) {
                    if (crash == null) {
                        try {
                            results = run.finish();
                        } catch (RuntimeException | Error e) {
                            crash = e;
                        }
                    }
                    return;
                }
                if (crash != null) {
                    // Keep taking batches, so that the feeding thread never waits on a queue no one empties.
                    continue;
                }
                try {
                    for (Item item : batch) {
                        run.accept(item.event(), item.records());
                    }
                } catch (RuntimeException | Error e) {
                    crash = e;
                }
            }
        }
    }

    private final Normalizer normalizer;
    private final Set<String> datasetsRead = new HashSet<>();
    private final List<CompiledDetection> detections;
    private final List<Shard> shards = new ArrayList<>();
    private final List<Thread> threads = new ArrayList<>();
    private List<Item> batch = new ArrayList<>(BATCH_EVENTS);
    private boolean finished;

    ShardedRun(List<CompiledDetection> detections, Normalizer normalizer, boolean indexed, int count) {
        this.normalizer = normalizer;
        this.detections = List.copyOf(detections);
        List<List<CompiledDetection>> parts = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            parts.add(new ArrayList<>());
        }
        int next = 0;
        for (CompiledDetection d : detections) {
            if (d.runnable()) {
                parts.get(next++ % count).add(d);
            }
        }
        for (int i = 0; i < count; i++) {
            Shard shard = new Shard(new OnePassRun(parts.get(i), normalizer, indexed));
            datasetsRead.addAll(shard.run.datasetsRead());
            shards.add(shard);
            Thread t = new Thread(shard, "quarry-detect-" + (i + 1));
            t.setDaemon(true);
            threads.add(t);
            t.start();
        }
    }

    @Override
    public void accept(Event event) {
        List<OnePassRun.Normalized> records = NONE;
        if (!datasetsRead.isEmpty()) {
            List<OnePassRun.Normalized> made = new ArrayList<>(2);
            normalizer.normalize(event, (dataset, record, e) -> {
                if (datasetsRead.contains(dataset.key())) {
                    made.add(new OnePassRun.Normalized(dataset, record));
                }
            });
            records = made;
        }
        batch.add(new Item(event, records));
        if (batch.size() >= BATCH_EVENTS) {
            send(batch);
            batch = new ArrayList<>(BATCH_EVENTS);
        }
    }

    private void send(List<Item> items) {
        for (Shard s : shards) {
            try {
                s.queue.put(items);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while handing events to the detection threads", e);
            }
        }
    }

    @Override
    public List<DetectionResult> finish() {
        if (finished) {
            throw new IllegalStateException("the run has already finished");
        }
        finished = true;
        if (!batch.isEmpty()) {
            send(batch);
            batch = new ArrayList<>();
        }
        send(END);
        for (Thread t : threads) {
            try {
                t.join();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for the detection threads", e);
            }
        }
        for (Shard s : shards) {
            if (s.crash instanceof RuntimeException r) {
                throw r;
            }
            if (s.crash instanceof Error e) {
                throw e;
            }
            if (s.crash != null) {
                throw new IllegalStateException("a detection thread stopped", s.crash);
            }
        }
        // Back to the order the detections were given: each shard keeps its own detections in that order.
        List<DetectionResult> all = new ArrayList<>();
        for (Shard s : shards) {
            all.addAll(s.results);
        }
        List<DetectionResult> ordered = new ArrayList<>(all.size());
        for (CompiledDetection d : detections) {
            for (DetectionResult r : all) {
                if (r.detection() == d) {
                    ordered.add(r);
                    break;
                }
            }
        }
        return ordered;
    }

    @Override
    public OnePassRun.Held heldAtEnd() {
        long total = 0;
        OnePassRun.Held largest = null;
        for (Shard s : shards) {
            OnePassRun.Held h = s.run.heldAtEnd();
            total += h.total();
            if (largest == null || h.largest() > largest.largest()) {
                largest = h;
            }
        }
        return new OnePassRun.Held(total, largest == null ? null : largest.largestDetection(),
                largest == null ? 0 : largest.largest());
    }

    @Override
    public OnePassRun.Dispatch dispatch() {
        int pipelines = 0;
        int indexed = 0;
        for (Shard s : shards) {
            pipelines += s.run.dispatch().pipelines();
            indexed += s.run.dispatch().indexed();
        }
        return new OnePassRun.Dispatch(pipelines, indexed);
    }

    @Override
    public List<OnePassRun.Cost> costs() {
        List<OnePassRun.Cost> costs = new ArrayList<>();
        for (Shard s : shards) {
            costs.addAll(s.run.costs());
        }
        costs.sort(Comparator.comparingLong(OnePassRun.Cost::nanos).thenComparingLong(OnePassRun.Cost::offered)
                .reversed());
        return costs;
    }

    @Override
    public void measureTime(boolean on) {
        for (Shard s : shards) {
            s.run.measureTime(on);
        }
    }
}
