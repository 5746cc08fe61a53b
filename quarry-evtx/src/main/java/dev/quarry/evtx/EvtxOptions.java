package dev.quarry.evtx;

/**
 * Settings for reading a file.
 *
 * @param threads threads that decode chunks, where 1 decodes on the calling thread
 * @param chunksInFlight maximum chunks read or decoded ahead of the sink, which bounds memory
 *     to about this many times 64 KiB of input plus the decoded records
 * @param limits bounds on decoding each record and chunk
 * @param style how hex integers and size_t values become text
 */
public record EvtxOptions(int threads, int chunksInFlight, DecodeLimits limits, ValueStyle style) {

    public EvtxOptions {
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
        if (chunksInFlight < threads) {
            throw new IllegalArgumentException("chunksInFlight must be at least threads (" + threads
                    + "), got " + chunksInFlight);
        }
        if (limits == null) {
            throw new IllegalArgumentException("limits must not be null");
        }
        if (style == null) {
            throw new IllegalArgumentException("style must not be null");
        }
    }

    /** Options that render values as evtxexport does ({@link ValueStyle#LIBEVTX}). */
    public EvtxOptions(int threads, int chunksInFlight, DecodeLimits limits) {
        this(threads, chunksInFlight, limits, ValueStyle.LIBEVTX);
    }

    /** The same options with another value style. */
    public EvtxOptions withStyle(ValueStyle newStyle) {
        return new EvtxOptions(threads, chunksInFlight, limits, newStyle);
    }

    /** Returns options that decode on every available processor. */
    public static EvtxOptions defaults() {
        return withThreads(Runtime.getRuntime().availableProcessors());
    }

    /** Returns default options with the given thread count and two chunks in flight per thread. */
    public static EvtxOptions withThreads(int threads) {
        return new EvtxOptions(threads, 2 * Math.max(threads, 1), DecodeLimits.DEFAULT);
    }
}
