package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** Windows event XML, read from real events of the EVTX-to-MITRE-Attack recordings (CC0). */
class XmlInputTest {
    @Test
    void oneEventPerLine() {
        Recorder r = Recorder.read("security-4688-v1.xml");
        assertThat(r.problems).isEmpty();
        assertThat(r.events).hasSize(1);
        Event e = r.events.get(0);
        assertThat(e.get("EventCode")).isEqualTo("4688");
        assertThat(e.get("EventID")).isEqualTo("4688");
        assertThat(e.get("Computer")).isEqualTo("fs03vuln.offsec.lan");
        assertThat(e.get("NewProcessName")).isEqualTo("C:\\Windows\\System32\\certutil.exe");
        assertThat(e.get("CommandLine")).startsWith("certutil  -urlcache -split -f https://github.com/");
        assertThat(e.get("ProcessID")).isEqualTo("4");
        assertThat(e.get("Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(e.source()).isEqualTo("XmlWinEventLog:Security");
        assertThat(e.sourceType()).isEqualTo("XmlWinEventLog");
    }

    @Test
    void sevenFractionalDigitsBecomeMicroseconds() {
        Event e = Recorder.read("security-4688-v1.xml").events.get(0);
        assertThat(Timestamps.formatMicros(e.timeMicros())).isEqualTo("2021-11-02T14:15:24.567327Z");
    }

    @Test
    void eventsDocument() {
        Recorder r = Recorder.read("events-document.xml");
        assertThat(r.problems).isEmpty();
        assertThat(r.events).hasSize(2);
        assertThat(r.events).extracting(e -> e.get("Computer")).containsOnly("mssql01.offsec.lan");
    }

    @Test
    void xmlWithoutEventsIsSkippedAsForeign() {
        // Constructed: a configuration file such as one found beside collected logs.
        Recorder r = Recorder.read("sysmonconfig.xml",
                "<Sysmon schemaversion=\"4.90\"><EventFiltering/></Sysmon>\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).isEmpty();
        assertThat(r.problems).extracting(ReadProblem::reason).containsExactly("unrecognized format");
    }

    @Test
    void emptyUtf16EventsDocumentIsNoProblem() {
        byte[] body = "<?xml version=\"1.0\" encoding=\"UTF-16\"?><Events></Events>".getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Recorder r = Recorder.read("empty-utf16.xml", bytes);
        assertThat(r.events).isEmpty();
        assertThat(r.problems).isEmpty();
    }

    @Test
    void emptyEventsDocumentIsNoProblem() {
        Recorder r = Recorder.read("empty.xml", "<Events>\n</Events>\n".getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).isEmpty();
        assertThat(r.problems).isEmpty();
    }

    @Test
    void utf16WithByteOrderMark() {
        String xml = "<Events><Event><System><EventID>1</EventID><Channel>Microsoft-Windows-Sysmon/Operational</Channel>"
                + "<TimeCreated SystemTime='2024-05-01T11:00:00.5Z'/><Computer>WS1</Computer></System><EventData>"
                + "<Data Name='Image'>C:\\x\\JÖRG.exe</Data></EventData></Event></Events>";
        byte[] body = xml.getBytes(StandardCharsets.UTF_16LE);
        byte[] bytes = new byte[body.length + 2];
        bytes[0] = (byte) 0xFF;
        bytes[1] = (byte) 0xFE;
        System.arraycopy(body, 0, bytes, 2, body.length);
        Recorder r = Recorder.read("export.xml", bytes);
        assertThat(r.problems).isEmpty();
        assertThat(r.events).singleElement().satisfies(e -> {
            assertThat(e.get("Image")).isEqualTo("C:\\x\\JÖRG.exe");
            assertThat(e.source()).isEqualTo("XmlWinEventLog:Microsoft-Windows-Sysmon/Operational");
            assertThat(e.timeMicros()).isEqualTo(1_714_561_200_500_000L);
        });
    }

    @Test
    void userDataLeavesBecomeFields() {
        String xml = "<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System><EventID>1102</EventID>"
                + "<TimeCreated SystemTime='2021-11-02T14:15:23.676702300Z'/><Channel>Security</Channel></System>"
                + "<UserData><LogFileCleared xmlns='x'><SubjectUserName>admmig</SubjectUserName>"
                + "<SubjectDomainName>OFFSEC</SubjectDomainName></LogFileCleared></UserData></Event>";
        Event e = Recorder.read("cleared.xml", xml.getBytes(StandardCharsets.UTF_8)).events.get(0);
        assertThat(e.get("SubjectUserName")).isEqualTo("admmig");
        assertThat(e.get("SubjectDomainName")).isEqualTo("OFFSEC");
    }

    @Test
    void malformedEventIsSkippedAndTheNextIsRead() {
        String text = "<Event><System><EventID>1</EventID><TimeCreated SystemTime='2024-05-01T11:00:00Z'/></System>"
                + "<EventData><Data Name='a'>x</Data></EventData></Event>\n"
                + "<Event><System><EventID>2<EventID></System></Event>\n"
                + "<Event><System><EventID>3</EventID><TimeCreated SystemTime='2024-05-01T11:00:01Z'/></System></Event>\n";
        Recorder r = Recorder.read("mixed.xml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).extracting(e -> e.get("EventID")).containsExactly("1", "3");
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.origin().toString()).isEqualTo("mixed.xml, line 2");
            assertThat(p.reason()).isEqualTo("invalid XML");
            assertThat(p.message()).startsWith("event skipped: invalid XML at line 1 column");
        });
    }

    @Test
    void eventWithoutTimeIsReported() {
        String text = "<Event><System><EventID>1</EventID></System></Event>";
        Recorder r = Recorder.read("notime.xml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p ->
                assertThat(p.reason()).isEqualTo("missing or invalid time"));
    }

    @Test
    void entityDeclarationsAreNotExpanded() {
        String text = "<?xml version='1.0'?><!DOCTYPE Event [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
                + "<Event><System><EventID>&x;</EventID><TimeCreated SystemTime='2024-05-01T11:00:00Z'/></System></Event>";
        Recorder r = Recorder.read("xxe.xml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).allSatisfy(e -> assertThat(e.get("EventID")).doesNotContain("root"));
    }

    @Test
    void unterminatedEventAtTheEndIsReported() {
        String text = "<Event><System><EventID>1</EventID>";
        Recorder r = Recorder.read("cut.xml", text.getBytes(StandardCharsets.UTF_8));
        assertThat(r.events).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.message()).contains("no closing </Event>"));
    }
}
