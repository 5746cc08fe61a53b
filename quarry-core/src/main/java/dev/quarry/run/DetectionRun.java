package dev.quarry.run;

import dev.quarry.cim.Normalizer;
import dev.quarry.content.CompiledDetection;
import dev.quarry.ingest.Event;
import java.util.List;

/**
 * Detections run over one stream of events: {@link #accept} every event in input order, then {@link #finish}.
 * Results do not depend on the implementation: one thread ({@link OnePassRun}) or several ({@link ShardedRun}).
 */
public interface DetectionRun {
    void accept(Event event);

    /** Ends the input and returns each runnable detection's results, in the order the detections were given. */
    List<DetectionResult> finish();

    /** The state held when the input ended, measured by {@link #finish}. */
    OnePassRun.Held heldAtEnd();

    OnePassRun.Dispatch dispatch();

    /** Per-detection cost, most expensive first; times are measured only after {@code measureTime(true)}. */
    List<OnePassRun.Cost> costs();

    void measureTime(boolean on);

    /**
     * A run for {@code threads} processors: the detections split between detection threads when there are several
     * of each, else one run on the calling thread. {@code indexed} as for {@link OnePassRun}.
     *
     * <p>There are twice as many detection threads as processors: detections differ in cost by orders of magnitude
     * and are split without knowing it, so smaller shares even out the load that the processors take from them.
     */
    static DetectionRun of(List<CompiledDetection> detections, Normalizer normalizer, boolean indexed, int threads) {
        long runnable = detections.stream().filter(CompiledDetection::runnable).count();
        int shards = threads <= 1 ? 1 : (int) Math.min(2L * threads, runnable);
        if (shards <= 1) {
            return new OnePassRun(detections, normalizer, indexed);
        }
        return new ShardedRun(detections, normalizer, indexed, shards);
    }
}
