package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** JSON events in the shapes real exports have. */
class JsonInputTest {
    @Test
    void invalidUtf8WithAnotherFaultReportsTheOther() {
        // Constructed: a line without any time, whose EventID also contains the byte FF.
        byte[] head = "{\"EventID\":\"abc".getBytes(StandardCharsets.UTF_8);
        byte[] tail = "\",\"Channel\":\"Security\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + 1 + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) 0xFF;
        System.arraycopy(tail, 0, line, head.length + 1, tail.length);
        Recorder r = Recorder.read("bad-utf8-no-time.json", line);
        assertThat(r.events).isEmpty();
        assertThat(r.problems).extracting(ReadProblem::reason).containsExactly("missing or invalid time");
    }

    @Test
    void invalidUtf8IsReplacedAndTheEventKept() {
        // Constructed: a flattened Sysmon line whose Image contains the bytes FF FE, which are never UTF-8.
        byte[] head = "{\"EventID\": 1, \"Channel\": \"Microsoft-Windows-Sysmon/Operational\", \"Image\": \"C:\\\\a"
                .getBytes(StandardCharsets.UTF_8);
        byte[] tail = ".exe\", \"@timestamp\": \"2021-01-01T00:00:00Z\"}\n".getBytes(StandardCharsets.UTF_8);
        byte[] line = new byte[head.length + 2 + tail.length];
        System.arraycopy(head, 0, line, 0, head.length);
        line[head.length] = (byte) 0xFF;
        line[head.length + 1] = (byte) 0xFE;
        System.arraycopy(tail, 0, line, head.length + 2, tail.length);
        Recorder r = Recorder.read("bad-utf8.json", line);
        assertThat(r.events).hasSize(1);
        assertThat(r.events.get(0).get("Image")).isEqualTo("C:\\a\uFFFD\uFFFD.exe");
        assertThat(r.problems).extracting(ReadProblem::reason).containsExactly("invalid UTF-8");
        assertThat(r.problems.get(0).skipped()).isFalse();
    }

    @Test
    void securityDatasetsSysmonLine() {
        Recorder r = Recorder.read("security-datasets-sysmon.json");
        assertThat(r.problems).isEmpty();
        Event e = r.events.get(0);
        assertThat(e.get("EventCode")).isEqualTo("1");
        assertThat(e.get("Image")).isEqualTo("C:\\Windows\\System32\\bitsadmin.exe");
        assertThat(e.get("Computer")).isEqualTo("WORKSTATION5");
        assertThat(e.source()).isEqualTo("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational");
        assertThat(Timestamps.formatMicros(e.timeMicros())).isEqualTo("2020-10-23T02:36:43.547Z");
    }

    @Test
    void azureRowWithEventDataAsText() {
        Event e = Recorder.read("azure-log-analytics.json").events.get(0);
        assertThat(e.get("EventCode")).isEqualTo("3");
        assertThat(e.get("Image")).endsWith("tomcat9.exe");
        assertThat(e.get("DestinationPort")).isEqualTo("8080");
        assertThat(e.get("Computer")).isEqualTo("WORKSTATION5");
    }

    @Test
    void winlogbeatEventData() {
        Event e = Recorder.read("winlogbeat.json").events.get(0);
        assertThat(e.get("EventCode")).isEqualTo("4688");
        assertThat(e.get("Computer")).isEqualTo("sqlsrv06.offsec.lan");
        assertThat(e.get("ParentProcessName")).endsWith("sqldumper.exe");
        assertThat(e.get("ProcessID")).isEqualTo("4");
        assertThat(e.source()).isEqualTo("XmlWinEventLog:Security");
    }

    @Test
    void crowdstrikeEvent() {
        Event e = Recorder.read("crowdstrike.jsonl").events.get(0);
        assertThat(e.sourceType()).isEqualTo("crowdstrike:events:sensor");
        assertThat(e.get("event_simpleName")).isEqualTo("ProcessRollup2");
        assertThat(e.timeMicros()).isEqualTo(1_635_862_824_567_000L);
    }

    @Test
    void badLinesAreSkippedWithTheirLineNumbers() {
        Recorder r = Recorder.read("bad-lines.json");
        assertThat(r.events).extracting(e -> e.get("Computer")).containsExactly("h1", "h2");
        assertThat(r.problems).extracting(p -> p.origin().position()).containsExactly("line 2", "line 3");
        assertThat(r.problems).extracting(ReadProblem::reason).containsExactly("invalid JSON",
                "missing or invalid time");
    }

    @Test
    void offsetsBecomeUtc() {
        Recorder r = Recorder.read("bad-lines.json");
        assertThat(Timestamps.formatMicros(r.events.get(1).timeMicros())).isEqualTo("2021-11-02T14:15:24Z");
    }

    @Test
    void topLevelArray() {
        String json = "[{\"EventID\": 1, \"Channel\": \"Microsoft-Windows-Sysmon/Operational\", \"Hostname\": \"a\","
                + " \"@timestamp\": \"2020-01-01T00:00:00Z\"}, {\"EventID\": 1, \"Channel\": \"x\", \"Hostname\": \"b\","
                + " \"@timestamp\": \"2020-01-01T00:00:01Z\"}]";
        Recorder r = Recorder.read("array.json", json.getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).extracting(e -> e.get("Computer")).containsExactly("a", "b");
    }

    @Test
    void nestedGenericJsonFlattensWithBraces() {
        String json = "{\"time\": \"2020-01-01T00:00:00Z\", \"a\": {\"b\": [1, 2], \"c\": [{\"d\": \"x\"}]}}";
        Event e = Recorder.read("generic.json", json.getBytes(StandardCharsets.UTF_8)).events.get(0);
        assertThat(e.sourceType()).isEqualTo("_json");
        assertThat(e.getAll("a.b{}")).containsExactly("1", "2");
        assertThat(e.get("a.c{}.d")).isEqualTo("x");
    }
}
