package dev.quarry.ingest;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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

    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final String name;
    private final IngestListener listener;

    JsonEventReader(String name, IngestListener listener) {
        this.name = name;
        this.listener = listener;
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
        LineReader lines = new LineReader(in, MAX_LINE_BYTES);
        while (lines.next()) {
            Origin origin = new Origin(name, "line " + lines.lineNumber());
            if (lines.oversized()) {
                listener.problem(new ReadProblem(origin, "oversized event",
                        "line skipped: longer than " + MAX_LINE_BYTES + " bytes"));
                continue;
            }
            if (lines.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = MAPPER.readTree(lines.buffer(), 0, lines.length());
            } catch (JsonProcessingException e) {
                listener.problem(new ReadProblem(origin, "invalid JSON",
                        "line skipped: invalid JSON: " + e.getOriginalMessage()));
                continue;
            }
            byte[] copy = java.util.Arrays.copyOf(lines.buffer(), lines.length());
            accept(node, origin, () -> new String(copy, java.nio.charset.StandardCharsets.UTF_8));
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
        if (!node.isObject()) {
            listener.problem(new ReadProblem(origin, "invalid event", "skipped: expected a JSON object"));
            return;
        }
        try {
            listener.event(JsonShapes.toEvent(node, origin, raw));
        } catch (IllegalArgumentException e) {
            listener.problem(new ReadProblem(origin, InvalidEventException.reasonOf(e),
                    "event skipped: " + e.getMessage()));
        }
    }
}
