package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * EVTX input, from the real certutil download recording of EVTX-to-MITRE-Attack (CC0): two records, a 1102 log
 * clearing with UserData and a 4688 process creation.
 */
class EvtxInputTest {
    private static byte[] bytes(String name) throws IOException {
        try (InputStream in = EvtxInputTest.class.getResourceAsStream("/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

    @Test
    void recognizedByContentAndRead() throws IOException {
        Recorder r = Recorder.read("any-name.bin", bytes("security-4688-certutil-download.evtx"));
        assertThat(r.kinds).containsExactly("EVTX");
        assertThat(r.problems).isEmpty();
        assertThat(r.events).extracting(e -> e.get("EventCode")).containsExactly("1102", "4688");
    }

    @Test
    void fieldsMatchTheXmlRenderingOfTheSameRecord() throws IOException {
        Event fromEvtx = Recorder.read("a.evtx", bytes("security-4688-certutil-download.evtx")).events.get(1);
        Event fromXml = Recorder.read("security-4688-v1.xml").events.get(0);
        assertThat(fields(fromEvtx)).isEqualTo(fields(fromXml));
        assertThat(fromEvtx.timeMicros()).isEqualTo(fromXml.timeMicros());
        assertThat(fromEvtx.source()).isEqualTo(fromXml.source());
    }

    @Test
    void userDataBecomesFields() throws IOException {
        Event cleared = Recorder.read("a.evtx", bytes("security-4688-certutil-download.evtx")).events.get(0);
        assertThat(cleared.get("SubjectUserName")).isEqualTo("admmig");
        assertThat(cleared.get("Channel")).isEqualTo("Security");
    }

    @Test
    void rawIsTheRenderedXml() throws IOException {
        Event e = Recorder.read("a.evtx", bytes("security-4688-certutil-download.evtx")).events.get(1);
        assertThat(e.raw()).startsWith("<Event").contains("<Data Name=\"NewProcessName\">C:\\Windows\\System32\\"
                + "certutil.exe</Data>");
    }

    @Test
    void originNamesRecordAndOffset() throws IOException {
        Event e = Recorder.read("a.evtx", bytes("security-4688-certutil-download.evtx")).events.get(1);
        assertThat(e.origin().position()).matches("record \\d+ at offset 0x[0-9a-f]+");
    }

    @Test
    void truncatedFileKeepsTheRecordsBeforeTheDamage() throws IOException {
        byte[] whole = bytes("security-4688-certutil-download.evtx");
        byte[] cut = java.util.Arrays.copyOf(whole, 4096 + 700);
        Recorder r = Recorder.read("cut.evtx", cut);
        assertThat(r.events.size()).isLessThan(2);
        assertThat(r.problems).isNotEmpty();
    }

    private static List<String> fields(Event e) {
        List<String> out = new ArrayList<>();
        e.forEachField((name, values) -> out.add(name + "=" + values));
        return out;
    }
}
