package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import org.junit.jupiter.api.Test;

/**
 * Field values of specific records. Unless a test names another source, each expected value is what
 * {@code evtxexport -f xml} (libevtx 20181227) printed for that record.
 */
class FieldValueTest {

    private static Element system(Element event) {
        return event.child("System");
    }

    private static String data(Element event, String name) {
        return event.child("EventData").elements().stream()
                .filter(data -> name.equals(data.attribute("Name")))
                .findFirst()
                .map(Element::text)
                .orElseThrow(() -> new AssertionError("no Data named " + name));
    }

    @Test
    void logonEventSystemFields() throws IOException {
        Element event = Samples.read("mimikatz-pass-the-hash.evtx").event(67101);
        Element system = system(event);

        assertThat(event.attribute("xmlns")).isEqualTo("http://schemas.microsoft.com/win/2004/08/events/event");
        assertThat(system.child("Provider").attribute("Name")).isEqualTo("Microsoft-Windows-Security-Auditing");
        assertThat(system.child("Provider").attribute("Guid")).isEqualTo("{54849625-5478-4994-A5BA-3E3B0328C30D}");
        assertThat(system.child("EventID").text()).isEqualTo("4624");
        assertThat(system.child("Version").text()).isEqualTo("1");
        assertThat(system.child("Level").text()).isEqualTo("0");
        assertThat(system.child("Task").text()).isEqualTo("12544");
        assertThat(system.child("Opcode").text()).isEqualTo("0");
        assertThat(system.child("Keywords").text()).isEqualTo("0x8020000000000000");
        assertThat(system.child("TimeCreated").attribute("SystemTime")).isEqualTo("2021-10-20T13:39:17.315479800Z");
        assertThat(system.child("EventRecordID").text()).isEqualTo("67101");
        assertThat(system.child("Correlation").attributes()).isEmpty();
        assertThat(system.child("Execution").attribute("ProcessID")).isEqualTo("512");
        assertThat(system.child("Execution").attribute("ThreadID")).isEqualTo("3140");
        assertThat(system.child("Channel").text()).isEqualTo("Security");
        assertThat(system.child("Computer").text()).isEqualTo("FS03.offsec.lan");
        assertThat(system.child("Security").attributes()).isEmpty();
    }

    @Test
    void logonEventDataInOrder() throws IOException {
        Element event = Samples.read("mimikatz-pass-the-hash.evtx").event(67101);

        assertThat(event.child("EventData").elements())
                .extracting(data -> data.attribute("Name"))
                .startsWith("SubjectUserSid", "SubjectUserName", "SubjectDomainName", "SubjectLogonId",
                        "TargetUserSid", "TargetUserName", "TargetDomainName", "TargetLogonId", "LogonType");
        assertThat(data(event, "SubjectUserSid")).isEqualTo("S-1-5-21-4230534742-2542757381-3142984815-1111");
        assertThat(data(event, "SubjectLogonId")).isEqualTo("0x0000000001f4c65f");
        assertThat(data(event, "LogonType")).isEqualTo("9");
        assertThat(data(event, "LogonProcessName")).isEqualTo("seclogo");
        assertThat(data(event, "LogonGuid")).isEqualTo("{00000000-0000-0000-0000-000000000000}");
        assertThat(data(event, "ProcessId")).isEqualTo("0x0000000000000300");
        assertThat(data(event, "ProcessName")).isEqualTo("C:\\Windows\\System32\\svchost.exe");
        assertThat(data(event, "IpAddress")).isEqualTo("::1");
        assertThat(data(event, "ImpersonationLevel")).isEqualTo("%%1833");
    }

    @Test
    void logClearedUserData() throws IOException {
        Element event = Samples.read("mimikatz-pass-the-hash.evtx").event(67099);
        Element cleared = event.child("UserData").child("LogFileCleared");

        assertThat(system(event).child("Provider").attribute("Guid")).isEqualTo("{fc65ddd8-d6ef-4962-83d5-6e5cfe9ce148}");
        assertThat(cleared.attribute("xmlns")).isEqualTo("http://manifests.microsoft.com/win/2004/08/windows/eventlog");
        assertThat(cleared.child("SubjectUserName").text()).isEqualTo("admmig");
        assertThat(cleared.child("SubjectLogonId").text()).isEqualTo("0x0000000001f4c65f");
    }

    @Test
    void classicEventQualifiersAndBinary() throws IOException {
        Element event = Samples.read("application-no-crc32.evtx").record(428).event();

        assertThat(system(event).child("Provider").attribute("EventSourceName")).isEqualTo("Wlclntfy");
        assertThat(system(event).child("EventID").attribute("Qualifiers")).isEqualTo("32768");
        assertThat(system(event).child("EventID").text()).isEqualTo("6000");
        assertThat(event.child("EventData").child("Data").text()).isEqualTo("WSearch");
        assertThat(event.child("EventData").child("Binary").text()).isEqualTo("D9060000");
    }

    @Test
    void stringArrayRepeatsDataElement() throws IOException {
        // The record stores both strings in one string array value (type 0x81).
        Element event = Samples.read("application-no-crc32.evtx").record(427).event();

        assertThat(event.child("EventData").elements()).extracting(Element::text)
                .containsExactly("Windows Defender", "SECURITY_PRODUCT_STATE_ON");
    }

    @Test
    void binXmlSubstitutionInUserData() throws IOException {
        Element event = Samples.read("capi2-binxml-values.evtx").record(2).event();
        Element start = event.child("UserData").child("CertGetCertificateChainStart");

        assertThat(system(event).child("Security").attribute("UserID"))
                .isEqualTo("S-1-5-21-1223297778-3299746493-1462173606-500");
        assertThat(system(event).child("Keywords").text()).isEqualTo("0x4000000000000003");
        assertThat(start.child("EventAuxInfo").attribute("ProcessName")).isEqualTo("Setup.exe");
        assertThat(start.child("CorrelationAuxInfo").attribute("TaskId")).isEqualTo("{1CB1FE4B-D685-48FC-A3FA-42893E4C1717}");
        assertThat(start.child("CorrelationAuxInfo").attribute("SeqNumber")).isEqualTo("2");
    }

    @Test
    void entityReferenceInAttributeIsResolved() throws IOException {
        // evtxexport stops at this record (it rejects an entity reference inside an attribute).
        // The record stores the value as &quot; + "ea9ee7b1bc43d21:0" + &quot;.
        Element event = Samples.read("capi2-binxml-values.evtx").record(25).event();
        Element response = event.child("UserData").child("CryptRetrieveObjectByUrlCache")
                .child("CacheInfo").child("URLCacheResponseInfo");

        assertThat(response.attribute("eTag")).isEqualTo("\"ea9ee7b1bc43d21:0\"");
    }

    @Test
    void forwardedEventWithoutDependencyIds() throws IOException {
        // evtxexport cannot decode this Windows Event Collector file; the Rust evtx crate reads
        // the same provider name from it.
        Element event = Samples.read("msexchange-wec.evtx").records().get(0).event();

        assertThat(system(event).child("Provider").attribute("Name")).isEqualTo("MSExchange CmdletLogs");
    }

    @Test
    void recordIdComesFromRecordHeader() throws IOException {
        // This exported file renumbers its record headers 1 to 8 (see its chunk header), while
        // EventRecordID keeps the number the event had on the original machine.
        Samples.Read read = Samples.read("mimikatz-pass-the-hash.evtx");

        assertThat(read.records()).extracting(EvtxRecord::recordId).containsExactly(1L, 2L, 3L, 4L, 5L, 6L, 7L, 8L);
        assertThat(system(read.record(3).event()).child("EventRecordID").text()).isEqualTo("67101");
    }
}
