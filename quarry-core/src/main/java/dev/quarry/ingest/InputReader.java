package dev.quarry.ingest;

import java.io.BufferedInputStream;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileVisitOption;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import dev.quarry.prefilter.Prefilter;

/**
 * Opens files and folders and hands each input to the reader its content calls for. The format is recognized
 * from the first bytes, never from the file name: gzip and zip containers are opened (zip entries one after
 * another, nested containers up to {@link #MAX_NESTING} deep), EVTX files go to the EVTX reader, text starting
 * with {@code <} to the XML reader and text starting with <code>{</code> or {@code [} to the JSON reader.
 */
public final class InputReader {
    static final int MAX_NESTING = 3;
    private static final byte[] EVTX_MAGIC = "ElfFile\0".getBytes(StandardCharsets.US_ASCII);

    private final IngestListener listener;
    private final EvtxInput evtx;
    private final RecordSink sink;

    public InputReader(IngestListener listener) {
        this(listener, EvtxInput.defaults());
    }

    public InputReader(IngestListener listener, EvtxInput evtx) {
        this(listener, evtx, Prefilter.NONE);
    }

    /**
     * Creates a reader that passes over JSON lines and XML events whose raw text {@code prefilter} rules out,
     * without parsing them.
     */
    public InputReader(IngestListener listener, EvtxInput evtx, Prefilter prefilter) {
        this.sink = new DirectRecords(listener, prefilter);
        this.listener = sink.listener();
        this.evtx = evtx;
    }

    /**
     * Creates a reader that parses records on {@code pool}'s threads, with at most {@code maxInFlight} batches
     * pending; the listener is still called on the reading thread, in input order. Call {@link #finish()} after the
     * last file.
     */
    public InputReader(IngestListener listener, EvtxInput evtx, Prefilter prefilter,
            java.util.concurrent.ExecutorService pool, int maxInFlight) {
        this.sink = new ParallelRecords(listener, prefilter, pool, maxInFlight);
        this.listener = sink.listener();
        this.evtx = evtx;
    }

    /** Delivers the events still being parsed; a no-op for a reader that parses on the reading thread. */
    public void finish() {
        sink.flush();
    }

    /** Lists the regular files under each path, folders recursively, in a stable order. */
    public static List<Path> expand(List<Path> paths) throws IOException {
        List<Path> files = new ArrayList<>();
        for (Path p : paths) {
            if (Files.isDirectory(p)) {
                List<Path> found = new ArrayList<>();
                // Links are followed, as a user who links logs into a folder expects. A loop is reported once.
                Files.walkFileTree(p, EnumSet.of(FileVisitOption.FOLLOW_LINKS), Integer.MAX_VALUE,
                        new SimpleFileVisitor<>() {
                    @Override
                    public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                        if (attributes.isRegularFile()) {
                            found.add(file);
                        }
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult visitFileFailed(Path file, IOException e) {
                        // A folder or file that cannot be listed or read is kept, so that reading it reports it
                        // as skipped while the rest of the run goes on.
                        found.add(file);
                        return FileVisitResult.CONTINUE;
                    }

                    @Override
                    public FileVisitResult postVisitDirectory(Path folder, IOException e) {
                        if (e != null) {
                            found.add(folder);
                        }
                        return FileVisitResult.CONTINUE;
                    }
                });
                found.sort(null);
                files.addAll(found);
            } else {
                files.add(p);
            }
        }
        return files;
    }

    /** Reads one file. I/O failures become problems, so one unreadable file does not end the run. */
    public void readFile(Path file) {
        String name = file.toString();
        if (Files.isDirectory(file)) {
            // expand() keeps the folders it could not list.
            listener.problem(new ReadProblem(new Origin(name, ""), "unreadable file",
                    "folder skipped: its files cannot be listed; check that it is readable"));
            return;
        }
        try (InputStream raw = Files.newInputStream(file)) {
            CountingStream counted = new CountingStream(raw, listener);
            read(name, new BufferedInputStream(counted, 65536), file, 0);
            // The EVTX reader reads the file by its path, and a skipped file is not read to its end. The bytes
            // not seen through the stream count as read, so that sizes and progress cover the whole file.
            long rest = Files.size(file) - counted.count;
            if (rest > 0) {
                listener.bytesRead(rest);
            }
        } catch (IOException e) {
            listener.problem(new ReadProblem(new Origin(name, ""), "unreadable file",
                    "file skipped: " + describe(e)));
        }
    }

    /** Reads events from a stream whose name is used in problem reports. */
    public void readStream(String name, InputStream in) {
        try {
            read(name, new BufferedInputStream(in, 65536), null, 0);
        } catch (IOException e) {
            listener.problem(new ReadProblem(new Origin(name, ""), "unreadable file",
                    "input skipped: " + describe(e)));
        }
    }

    private void read(String name, BufferedInputStream in, Path file, int depth) throws IOException {
        byte[] head = peek(in, 4096);
        if (head.length == 0) {
            listener.inputStarted(name, "empty");
            return;
        }
        if (startsWith(head, new byte[] {(byte) 0x1F, (byte) 0x8B})) {
            if (depth >= MAX_NESTING) {
                tooDeep(name);
                return;
            }
            read(name, new BufferedInputStream(new GZIPInputStream(in, 65536), 65536), null, depth + 1);
            return;
        }
        if (startsWith(head, new byte[] {'P', 'K', 3, 4})) {
            if (depth >= MAX_NESTING) {
                tooDeep(name);
                return;
            }
            readZip(name, in, depth + 1);
            return;
        }
        if (startsWith(head, EVTX_MAGIC)) {
            listener.inputStarted(name, "EVTX");
            evtx.read(name, file, in, listener);
            return;
        }
        Encoding encoding = Encoding.detect(head);
        int first = firstNonSpace(head, encoding);
        if (first == '<') {
            listener.inputStarted(name, "Windows event XML");
            Reader reader = new InputStreamReader(encoding.skipBom(in), encoding.charset());
            new XmlEventReader(name, sink, containsEventElement(head, encoding)).read(reader);
        } else if (first == '{' || first == '[') {
            listener.inputStarted(name, "JSON");
            if (encoding != Encoding.UTF8) {
                listener.problem(new ReadProblem(new Origin(name, ""), "unrecognized format",
                        "file skipped: JSON must be UTF-8 encoded, found " + encoding.charset().name()));
                return;
            }
            new JsonEventReader(name, sink).read(in);
        } else if (encoding == Encoding.UTF8 && containsEventElement(head, encoding)) {
            listener.inputStarted(name, "Windows event XML");
            new XmlEventReader(name, sink, true).read(new InputStreamReader(in, StandardCharsets.UTF_8));
        } else {
            listener.inputStarted(name, "unrecognized");
            listener.problem(new ReadProblem(new Origin(name, ""), "unrecognized format",
                    "file skipped: not EVTX, Windows event XML, JSON, gzip or zip; the first bytes are "
                            + hex(head)));
        }
    }

    private void readZip(String name, InputStream in, int depth) throws IOException {
        ZipInputStream zip = new ZipInputStream(in);
        ZipEntry entry;
        while ((entry = nextEntry(zip, name)) != null) {
            if (entry.isDirectory() || isArchiveMetadata(entry.getName())) {
                continue;
            }
            String entryName = name + "!" + entry.getName();
            InputStream entryStream = new FilterInputStream(zip) {
                @Override
                public void close() {
                    // the zip stream stays open for the next entry
                }
            };
            try {
                read(entryName, new BufferedInputStream(entryStream, 65536), null, depth);
            } catch (IOException e) {
                listener.problem(new ReadProblem(new Origin(entryName, ""), "unreadable file",
                        "archive entry skipped: " + describe(e)));
            }
        }
    }

    /** Returns the next entry, or null at the end or when the rest of the archive cannot be read. */
    private ZipEntry nextEntry(ZipInputStream zip, String name) throws IOException {
        try {
            return zip.getNextEntry();
        } catch (java.util.zip.ZipException e) {
            String m = e.getMessage() == null ? "" : e.getMessage();
            if (m.contains("encrypted")) {
                listener.problem(new ReadProblem(new Origin(name, ""), "encrypted archive",
                        "rest of the archive skipped: encrypted zip entries are not supported; extract them with"
                                + " their password first"));
                return null;
            }
            throw e;
        }
    }

    /** macOS resource forks that archivers add beside each file; they hold no events. */
    private static boolean isArchiveMetadata(String entryName) {
        return entryName.startsWith("__MACOSX/") || entryName.contains("/._") || entryName.startsWith("._");
    }

    private void tooDeep(String name) {
        listener.problem(new ReadProblem(new Origin(name, ""), "nested too deep",
                "input skipped: more than " + MAX_NESTING + " nested gzip or zip containers"));
    }

    private static byte[] peek(BufferedInputStream in, int n) throws IOException {
        in.mark(n);
        byte[] buf = in.readNBytes(n);
        in.reset();
        return buf;
    }

    /** True for text with an {@code <Event} element near its start, after a banner line such as evtxexport's. */
    private static boolean containsEventElement(byte[] head, Encoding encoding) {
        String text = new String(head, encoding.charset());
        return text.contains("<Event ") || text.contains("<Event>") || text.contains("<Events>");
    }

    private static boolean startsWith(byte[] head, byte[] prefix) {
        if (head.length < prefix.length) {
            return false;
        }
        for (int i = 0; i < prefix.length; i++) {
            if (head[i] != prefix[i]) {
                return false;
            }
        }
        return true;
    }

    private static int firstNonSpace(byte[] head, Encoding encoding) {
        int step = encoding == Encoding.UTF8 ? 1 : 2;
        int i = encoding.bomLength();
        for (; i + step - 1 < head.length; i += step) {
            int c = encoding == Encoding.UTF16BE ? head[i + 1] & 0xFF : head[i] & 0xFF;
            if (c != ' ' && c != '\t' && c != '\r' && c != '\n') {
                return c;
            }
        }
        return -1;
    }

    private static String hex(byte[] head) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < Math.min(8, head.length); i++) {
            sb.append(String.format("%02x", head[i] & 0xFF));
        }
        return sb.toString();
    }

    static String describe(IOException e) {
        String m = e.getMessage();
        if (e instanceof java.nio.file.NoSuchFileException) {
            return "no such file";
        }
        if (e instanceof java.nio.file.AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof java.util.zip.ZipException || e.getClass().getSimpleName().contains("EOF")) {
            return "corrupt or truncated archive (" + (m == null ? e.getClass().getSimpleName() : m) + ")";
        }
        return m == null ? e.getClass().getSimpleName() : m;
    }

    /** Text encodings recognized from a byte order mark; without one, UTF-8 is assumed. */
    private enum Encoding {
        UTF8(StandardCharsets.UTF_8, 0),
        UTF8_BOM(StandardCharsets.UTF_8, 3),
        UTF16LE(StandardCharsets.UTF_16LE, 2),
        UTF16BE(StandardCharsets.UTF_16BE, 2);

        private final java.nio.charset.Charset charset;
        private final int bomLength;

        Encoding(java.nio.charset.Charset charset, int bomLength) {
            this.charset = charset;
            this.bomLength = bomLength;
        }

        static Encoding detect(byte[] head) {
            if (head.length >= 3 && (head[0] & 0xFF) == 0xEF && (head[1] & 0xFF) == 0xBB && (head[2] & 0xFF) == 0xBF) {
                return UTF8_BOM;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFF && (head[1] & 0xFF) == 0xFE) {
                return UTF16LE;
            }
            if (head.length >= 2 && (head[0] & 0xFF) == 0xFE && (head[1] & 0xFF) == 0xFF) {
                return UTF16BE;
            }
            return UTF8;
        }

        java.nio.charset.Charset charset() {
            return charset;
        }

        int bomLength() {
            return bomLength;
        }

        InputStream skipBom(InputStream in) throws IOException {
            in.skipNBytes(bomLength);
            return in;
        }
    }

    /** Reports the bytes read from a file to the listener, for progress display. */
    private static final class CountingStream extends FilterInputStream {
        private final IngestListener listener;
        long count;

        CountingStream(InputStream in, IngestListener listener) {
            super(in);
            this.listener = listener;
        }

        @Override
        public int read() throws IOException {
            int c = super.read();
            if (c >= 0) {
                count++;
                listener.bytesRead(1);
            }
            return c;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            int n = super.read(b, off, len);
            if (n > 0) {
                count += n;
                listener.bytesRead(n);
            }
            return n;
        }
    }
}
