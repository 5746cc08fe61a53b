package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.quarry.prefilter.Prefilter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;

/**
 * Reads JSON events, one object per line or as the elements of a top-level array, and recognizes each object's
 * shape: flattened Windows exports (Security-Datasets, NXLog), Azure Log Analytics rows, Winlogbeat/ECS,
 * CrowdStrike Falcon Data Replicator events, evtx_dump-style {@code Event.System} documents, or any other JSON
 * (sourcetype {@code _json}).
 */
final class JsonEventReader {
    /** Longest line accepted, which bounds memory on hostile input. */
    static final int MAX_LINE_BYTES = 16 * 1024 * 1024;
    /** Bytes of whole lines handed on at a time: large enough to amortize a task, small enough to share work. */
    static final int BLOCK_BYTES = 1 << 20;

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final RecordSink sink;
    private final IngestListener listener;

    JsonEventReader(String name, RecordSink sink) {
        this.name = name;
        this.sink = sink;
        this.listener = sink.listener();
    }

    void read(InputStream raw) throws IOException {
        PushbackInputStream in = new PushbackInputStream(raw, 1);
        int first = firstNonSpace(in);
        if (first < 0) {
            return;
        }
        in.unread(first);
        if (first == '[') {
            readArray(in);
        } else {
            readLines(in);
        }
    }

    private static int firstNonSpace(PushbackInputStream in) throws IOException {
        int c;
        do {
            c = in.read();
        } while (c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == 0xEF || c == 0xBB || c == 0xBF);
        return c;
    }

    private void readLines(InputStream in) throws IOException {
        LineBlocks blocks = new LineBlocks(in, BLOCK_BYTES, MAX_LINE_BYTES);
        while (blocks.next()) {
            if (blocks.oversizedLine() > 0) {
                listener.problem(new ReadProblem(new Origin(name, "line " + blocks.oversizedLine()),
                        "oversized event", "line skipped: longer than " + MAX_LINE_BYTES + " bytes"));
                continue;
            }
            sink.jsonBlock(name, blocks.firstLine(), blocks.block(), blocks.length());
        }
    }

    /**
     * Splits a block of JSON lines and parses each line that is not blank, prefilter first, handing the outcomes
     * to {@code out} in line order. A CR before the LF is dropped.
     */
    static void parseBlock(String name, long firstLine, byte[] block, int length, Prefilter prefilter,
            java.util.function.Consumer<RecordOutcome> out) {
        long line = firstLine;
        int from = 0;
        while (from < length) {
            int lf = LineBlocks.nextLf(block, from, length);
            int end = lf > from && block[lf - 1] == '\r' ? lf - 1 : lf;
            if (!blank(block, from, end)) {
                if (prefilter.mayMatch(block, from, end)) {
                    out.accept(parseLine(name, line, block, from, end));
                } else {
                    out.accept(RecordOutcome.PASSED_OVER);
                }
            }
            line++;
            from = lf + 1;
        }
    }

    private static boolean blank(byte[] bytes, int from, int to) {
        for (int i = from; i < to; i++) {
            byte b = bytes[i];
            if (b != ' ' && b != '\t' && b != '\r') {
                return false;
            }
        }
        return true;
    }

    /** Parses one JSON line into an event, or the problem that keeps it from being one. */
    static RecordOutcome parseLine(String name, long line, byte[] bytes, int from, int to) {
        Origin origin = new Origin(name, "line " + line);
        FlatJson flat = FlatJson.read(bytes, from, to);
        if (flat != null) {
            RecordOutcome outcome = flattenedWindows(flat, origin, bytes, from, to);
            if (outcome != null) {
                return outcome;
            }
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes, from, to - from);
        } catch (JsonProcessingException e) {
            String message = e.getOriginalMessage();
            if (message != null && message.startsWith("Invalid UTF-8")) {
                return withReplacedBytes(name, line, bytes, from, to, origin, message);
            }
            return RecordOutcome.of(new ReadProblem(origin, "invalid JSON",
                    "line skipped: invalid JSON: " + message));
        } catch (java.io.IOException e) {
            return RecordOutcome.of(new ReadProblem(origin, "invalid JSON", "line skipped: " + e.getMessage()));
        }
        byte[] copy = java.util.Arrays.copyOfRange(bytes, from, to);
        return convert(node, origin, () -> new String(copy, java.nio.charset.StandardCharsets.UTF_8));
    }

    /**
     * Reads a line whose bytes are not all UTF-8 with each invalid sequence replaced by U+FFFD, as the EVTX reader
     * treats invalid UTF-16, and warns that it did so. A line still invalid after that is skipped as before.
     */
    private static RecordOutcome withReplacedBytes(String name, long line, byte[] bytes, int from, int to,
            Origin origin, String message) {
        byte[] fixed = new String(bytes, from, to - from, java.nio.charset.StandardCharsets.UTF_8)
                .getBytes(java.nio.charset.StandardCharsets.UTF_8);
        RecordOutcome outcome = parseLine(name, line, fixed, 0, fixed.length);
        if (outcome.event() == null) {
            // The line has another fault, which is the one to report.
            return outcome;
        }
        return RecordOutcome.of(outcome.event(), new ReadProblem(origin, "invalid UTF-8",
                "read with invalid UTF-8 bytes replaced by U+FFFD (" + message + ")", false));
    }

    /** The flat path: the outcome of a flattened Windows line, or null for the tree path to handle it. */
    private static RecordOutcome flattenedWindows(FlatJson flat, Origin origin, byte[] bytes, int from, int to) {
        Event event;
        try {
            event = JsonShapes.flattenedWindows(flat, origin);
        } catch (IllegalArgumentException e) {
            return RecordOutcome.of(new ReadProblem(origin, InvalidEventException.reasonOf(e),
                    "event skipped: " + e.getMessage()));
        }
        if (event == null) {
            return null;
        }
        byte[] copy = java.util.Arrays.copyOfRange(bytes, from, to);
        return RecordOutcome.of(event.withRaw(() -> new String(copy, java.nio.charset.StandardCharsets.UTF_8)));
    }

    private static RecordOutcome convert(JsonNode node, Origin origin, java.util.function.Supplier<String> raw) {
        if (!node.isObject()) {
            return RecordOutcome.of(new ReadProblem(origin, "invalid event", "skipped: expected a JSON object"));
        }
        try {
            return RecordOutcome.of(JsonShapes.toEvent(node, origin, raw));
        } catch (IllegalArgumentException e) {
            return RecordOutcome.of(new ReadProblem(origin, InvalidEventException.reasonOf(e),
                    "event skipped: " + e.getMessage()));
        }
    }

    private void readArray(InputStream in) throws IOException {
        JsonFactory factory = MAPPER.getFactory();
        try (JsonParser p = factory.createParser(in)) {
            p.nextToken();
            int index = 0;
            while (true) {
                JsonToken t;
                try {
                    t = p.nextToken();
                } catch (JsonProcessingException e) {
                    listener.problem(new ReadProblem(new Origin(name, "array element " + index), "invalid JSON",
                            "rest of the file skipped: invalid JSON: " + e.getOriginalMessage()));
                    return;
                }
                if (t == null || t == JsonToken.END_ARRAY) {
                    return;
                }
                Origin origin = new Origin(name, "array element " + index + " at line "
                        + p.currentTokenLocation().getLineNr());
                index++;
                try {
                    JsonNode node = MAPPER.readTree(p);
                    accept(node, origin, node::toString);
                } catch (JsonProcessingException e) {
                    listener.problem(new ReadProblem(origin, "invalid JSON",
                            "rest of the file skipped: invalid JSON: " + e.getOriginalMessage()));
                    return;
                }
            }
        }
    }

    private void accept(JsonNode node, Origin origin, java.util.function.Supplier<String> raw) {
        convert(node, origin, raw).deliver(listener);
    }
}
