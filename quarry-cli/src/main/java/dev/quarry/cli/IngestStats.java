package dev.quarry.cli;

import dev.quarry.ingest.Event;
import dev.quarry.ingest.IngestListener;
import dev.quarry.ingest.ReadProblem;
import java.io.PrintWriter;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;

/**
 * Counts what the readers produced and reports problems on stderr: each problem once, up to
 * {@link #MAX_PRINTED_PROBLEMS}, then only counted, so a badly damaged input cannot flood the terminal.
 * Shows progress on stderr every {@link #PROGRESS_INTERVAL_MILLIS} for long runs.
 */
final class IngestStats implements IngestListener {
    static final int MAX_PRINTED_PROBLEMS = 20;
    static final long PROGRESS_INTERVAL_MILLIS = 5_000;

    private final Consumer<Event> events;
    private final PrintWriter err;
    private final boolean progress;
    private final Map<String, Long> eventsBySourcetype = new TreeMap<>();
    private final Map<String, Long> problemsByReason = new TreeMap<>();
    private final Map<String, Long> warningsByReason = new TreeMap<>();
    private final Map<String, Long> inputsByKind = new TreeMap<>();
    private long eventCount;
    private long passedOver;
    private long problemCount;
    private long bytes;
    private long totalBytes;
    private final long started = System.nanoTime();
    private long lastProgress = System.nanoTime();
    private String currentInput = "";

    IngestStats(Consumer<Event> events, PrintWriter err, boolean progress) {
        this.events = events;
        this.err = err;
        this.progress = progress;
    }

    void expectBytes(long total) {
        this.totalBytes = total;
    }

    @Override
    public void event(Event event) {
        eventCount++;
        eventsBySourcetype.merge(event.sourceType(), 1L, Long::sum);
        events.accept(event);
        if ((eventCount & 0x3FF) == 0) {
            maybeShowProgress();
        }
    }

    private long printed;

    @Override
    public void passedOver() {
        passedOver++;
        if ((passedOver & 0x3FFF) == 0) {
            maybeShowProgress();
        }
    }

    long passedOverCount() {
        return passedOver;
    }

    @Override
    public void problem(ReadProblem problem) {
        if (problem.skipped()) {
            problemCount += problem.lost();
            problemsByReason.merge(problem.reason(), problem.lost(), Long::sum);
        } else {
            warningsByReason.merge(problem.reason(), 1L, Long::sum);
        }
        printed++;
        if (printed <= MAX_PRINTED_PROBLEMS) {
            err.println("warning: " + problem);
        } else if (printed == MAX_PRINTED_PROBLEMS + 1) {
            err.println("warning: more input problems; only their counts are shown in the summary");
        }
        err.flush();
    }

    @Override
    public void inputStarted(String name, String kind) {
        currentInput = name;
        inputsByKind.merge(kind, 1L, Long::sum);
    }

    @Override
    public void bytesRead(long delta) {
        bytes += delta;
    }

    private void maybeShowProgress() {
        if (!progress) {
            return;
        }
        long now = System.nanoTime();
        if ((now - lastProgress) / 1_000_000 < PROGRESS_INTERVAL_MILLIS) {
            return;
        }
        lastProgress = now;
        double seconds = (now - started) / 1e9;
        String share = totalBytes > 0 ? String.format(" (%.0f%% of %s)", 100.0 * bytes / totalBytes, size(totalBytes))
                : "";
        err.printf("progress: %,d events, %s read%s, %.0f s, now in %s%n", eventCount + passedOver, size(bytes), share,
                seconds,
                currentInput);
        err.flush();
    }

    static String size(long bytes) {
        if (bytes >= 1 << 30) {
            return String.format("%.1f GiB", bytes / (double) (1 << 30));
        }
        if (bytes >= 1 << 20) {
            return String.format("%.1f MiB", bytes / (double) (1 << 20));
        }
        return String.format("%.1f KiB", bytes / 1024.0);
    }

    long eventCount() {
        return eventCount;
    }

    long problemCount() {
        return problemCount;
    }

    Map<String, Long> eventsBySourcetype() {
        return eventsBySourcetype;
    }

    Map<String, Long> problemsByReason() {
        return problemsByReason;
    }

    /** Damage worked around without losing events, by reason. */
    Map<String, Long> warningsByReason() {
        return warningsByReason;
    }

    Map<String, Long> inputsByKind() {
        return inputsByKind;
    }

    long inputCount() {
        return inputsByKind.values().stream().mapToLong(Long::longValue).sum();
    }

    double elapsedSeconds() {
        return (System.nanoTime() - started) / 1e9;
    }

    long bytes() {
        return bytes;
    }
}
