package dev.quarry.evtx;

import dev.quarry.evtx.chunk.ChunkDecoder;
import dev.quarry.evtx.chunk.ChunkHeader;
import dev.quarry.evtx.chunk.DecodedChunk;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Reads and decodes the chunks of one file, in parallel when asked, and delivers the results
 * in file order. At most {@link EvtxOptions#chunksInFlight()} chunks are read ahead of the
 * sink, which bounds memory whatever the file size.
 */
final class ChunkPipeline {
    /** Decoding threads shared by all reads; an idle thread ends after 60 seconds. */
    private static final ExecutorService WORKERS = Executors.newCachedThreadPool(daemonThreads());

    private final EvtxFile file;
    private final EvtxOptions options;
    private final ChunkDecoder decoder;
    /**
     * Chunk buffers reused across slots, at most one per thread. Decoded records keep no
     * reference to the chunk bytes, so a buffer is free again as soon as its chunk is decoded.
     */
    private final BlockingQueue<byte[]> buffers;
    private long recordsRead;
    private long recordsSkipped;
    private long chunksSkipped;
    private long bytesRead;

    ChunkPipeline(EvtxFile file, EvtxOptions options) {
        this.file = file;
        this.options = options;
        this.decoder = new ChunkDecoder(file.path(), options.limits(), options.style());
        this.buffers = new ArrayBlockingQueue<>(options.threads());
    }

    EvtxStats run(EvtxSink sink) throws IOException {
        for (String problem : file.header().problems()) {
            sink.warning(new EvtxWarning(file.path(), 0, problem));
        }
        bytesRead = Math.min(file.size(), FileHeader.SIZE);
        long body = Math.max(0, file.size() - FileHeader.SIZE);
        long slots = body / ChunkHeader.CHUNK_SIZE;

        // Handing a single chunk to a worker thread would only add the hand-off.
        if (options.threads() == 1 || slots <= 1) {
            for (long slot = 0; slot < slots; slot++) {
                deliver(decodeSlot(slot), sink);
            }
        } else {
            runParallel(slots, sink);
        }
        checkTail(slots, (int) (body % ChunkHeader.CHUNK_SIZE), sink);
        return new EvtxStats(recordsRead, recordsSkipped, chunksSkipped, bytesRead);
    }

    /**
     * Decodes on {@code threads} workers taken from a shared pool of daemon threads, so reading
     * many small files does not start threads for each one. Workers claim slots in order; a
     * semaphore holds them back once {@code chunksInFlight} chunks wait for the sink.
     */
    private void runParallel(long slots, EvtxSink sink) throws IOException {
        int workers = (int) Math.min(options.threads(), slots);
        Semaphore window = new Semaphore(options.chunksInFlight());
        AtomicLong nextSlot = new AtomicLong();
        AtomicBoolean stopped = new AtomicBoolean();
        ConcurrentHashMap<Long, CompletableFuture<DecodedChunk>> results = new ConcurrentHashMap<>();
        for (int i = 0; i < workers; i++) {
            WORKERS.execute(() -> decodeSlots(slots, window, nextSlot, stopped, results));
        }
        try {
            for (long slot = 0; slot < slots; slot++) {
                DecodedChunk chunk = await(results.computeIfAbsent(slot, k -> new CompletableFuture<>()));
                results.remove(slot);
                window.release();
                deliver(chunk, sink);
            }
        } finally {
            stopped.set(true);
            // Wake workers that wait for a window permit so they see the stop flag and return.
            window.release(workers);
        }
    }

    private void decodeSlots(long slots, Semaphore window, AtomicLong nextSlot, AtomicBoolean stopped,
            ConcurrentHashMap<Long, CompletableFuture<DecodedChunk>> results) {
        while (!stopped.get()) {
            window.acquireUninterruptibly();
            long slot = nextSlot.getAndIncrement();
            if (stopped.get() || slot >= slots) {
                window.release();
                return;
            }
            CompletableFuture<DecodedChunk> result = results.computeIfAbsent(slot, k -> new CompletableFuture<>());
            try {
                result.complete(decodeSlot(slot));
            } catch (IOException | RuntimeException | Error e) {
                result.completeExceptionally(e);
            }
        }
    }

    private static DecodedChunk await(CompletableFuture<DecodedChunk> future) throws IOException {
        try {
            return future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            InterruptedIOException interrupted = new InterruptedIOException("interrupted while decoding chunks");
            interrupted.initCause(e);
            throw interrupted;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            if (cause instanceof RuntimeException runtime) {
                throw runtime;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw new IOException("decoding a chunk failed", cause);
        }
    }

    private DecodedChunk decodeSlot(long slot) throws IOException {
        long offset = FileHeader.SIZE + slot * ChunkHeader.CHUNK_SIZE;
        byte[] chunk = buffers.poll();
        if (chunk == null) {
            chunk = new byte[ChunkHeader.CHUNK_SIZE];
        }
        try {
            int n = file.readAt(chunk, offset);
            if (n < chunk.length) {
                throw new IOException(file.path() + " at offset " + (offset + n)
                        + ": file ended while reading a chunk; expected " + chunk.length + " bytes");
            }
            return decoder.decode(chunk, offset);
        } finally {
            buffers.offer(chunk);
        }
    }

    private void deliver(DecodedChunk chunk, EvtxSink sink) {
        bytesRead += ChunkHeader.CHUNK_SIZE;
        recordsRead += chunk.records().size();
        recordsSkipped += chunk.recordsSkipped();
        if (chunk.chunkSkipped()) {
            chunksSkipped++;
        }
        List<EvtxRecord> records = chunk.records();
        List<EvtxWarning> warnings = chunk.warnings();
        int r = 0;
        int w = 0;
        while (r < records.size() || w < warnings.size()) {
            boolean warningFirst = r == records.size()
                    || (w < warnings.size() && warnings.get(w).offset() <= records.get(r).fileOffset());
            if (warningFirst) {
                sink.warning(warnings.get(w++));
            } else {
                sink.record(records.get(r++));
            }
        }
    }

    /** Reports bytes after the last whole chunk, unless they are all zero. */
    private void checkTail(long slots, int tailSize, EvtxSink sink) throws IOException {
        if (tailSize == 0) {
            return;
        }
        long offset = FileHeader.SIZE + slots * ChunkHeader.CHUNK_SIZE;
        byte[] tail = new byte[tailSize];
        bytesRead += file.readAt(tail, offset);
        for (byte b : tail) {
            if (b != 0) {
                chunksSkipped++;
                sink.warning(new EvtxWarning(file.path(), offset, "file ends with a partial chunk of "
                        + tailSize + " bytes; expected whole chunks of " + ChunkHeader.CHUNK_SIZE
                        + " bytes; skipped it"));
                return;
            }
        }
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger thread = new AtomicInteger();
        return task -> {
            Thread t = new Thread(task, "evtx-decoder-" + thread.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
    }
}
