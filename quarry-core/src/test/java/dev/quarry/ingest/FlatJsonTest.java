package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Lines read through the streaming path for flat objects give the same events as through the tree. The lines are
 * constructed: random fields of a flattened Windows export, with repeated names, nulls, numbers and booleans.
 */
class FlatJsonTest {
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static String viaTree(String line) throws Exception {
        Origin origin = new Origin("f", "line 1");
        try {
            return describe(JsonShapes.toEvent(MAPPER.readTree(line), origin));
        } catch (IllegalArgumentException e) {
            return "problem: " + e.getMessage();
        }
    }

    private static String viaLine(String line) {
        byte[] bytes = line.getBytes(StandardCharsets.UTF_8);
        RecordOutcome o = JsonEventReader.parseLine("f", 1, bytes, 0, bytes.length);
        return o.event() != null ? describe(o.event()) : "problem: " + o.problem().message().replace("event skipped: ", "");
    }

    private static String describe(Event e) {
        return e.timeMicros() + " " + e.source() + " " + e.sourceType() + " " + e;
    }

    @Property(tries = 3000)
    void flatLinesMatchTheTree(@ForAll("lines") String line) throws Exception {
        assertThat(viaLine(line)).as(line).isEqualTo(viaTree(line));
    }

    @org.junit.jupiter.api.Test
    void manyFieldsWithRepeatsMatchTheTree() throws Exception {
        StringBuilder line = new StringBuilder("{\"EventID\":1,\"@timestamp\":\"2020-10-22T04:29:47Z\"");
        for (int i = 0; i < 5000; i++) {
            line.append(",\"k").append(i % 3000).append("\":").append(i);
        }
        line.append('}');
        assertThat(viaLine(line.toString())).isEqualTo(viaTree(line.toString()));
    }

    @Provide
    Arbitrary<String> lines() {
        Arbitrary<String> name = Arbitraries.of("EventID", "EventCode", "Channel", "Hostname", "host", "Computer",
                "@timestamp", "TimeCreated", "Image", "CommandLine", "ProcessId", "winlog.event_id", "EventData",
                "tags");
        Arbitrary<String> value = Arbitraries.oneOf(
                Arbitraries.of("\"1\"", "4688", "-0", "1.50", "2e3", "true", "false", "null", "\"security\"",
                        "\"2020-10-22T04:29:47.123Z\"", "\"C:\\\\Windows\\\\cmd.exe\"", "123456789012345678901",
                        "\"\\u00e9t\\u00e9\"", "\"\"", "[\"a\",null,2]", "[]", "[[1]]", "{\"x\":1}",
                        "[\"2020-10-22T04:29:47Z\"]"));
        Arbitrary<String> field = Combinators.combine(name, value).as((n, v) -> "\"" + n + "\":" + v);
        return field.list().ofMaxSize(8).map(FlatJsonTest::object);
    }

    private static String object(List<String> fields) {
        return "{" + String.join(",", fields) + "}";
    }
}
