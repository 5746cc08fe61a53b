package dev.quarry.cli;

import dev.quarry.ingest.EvtxInput;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.InputReader;
import dev.quarry.prefilter.Prefilter;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;

/** Reader configuration shared by the commands that read event logs. */
final class Inputs {
    private Inputs() {
    }

    static EvtxInput evtx() {
        return EvtxInput.defaults();
    }

    /**
     * Returns a reader that parses on {@code threads} worker threads (events still reach the listener in input
     * order), or on the calling thread when {@code threads} is 1.
     */
    static InputReader reader(IngestListener listener, Prefilter prefilter, int threads) {
        if (threads <= 1) {
            return new InputReader(listener, evtx(), prefilter);
        }
        return new InputReader(listener, evtx(), prefilter, pool(threads), 2 * threads);
    }

    private static ExecutorService pool(int threads) {
        AtomicInteger n = new AtomicInteger();
        return Executors.newFixedThreadPool(threads, r -> {
            Thread t = new Thread(r, "quarry-parse-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    static int defaultThreads() {
        return Runtime.getRuntime().availableProcessors();
    }
}
