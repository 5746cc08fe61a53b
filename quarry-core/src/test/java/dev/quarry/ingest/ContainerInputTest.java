package dev.quarry.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;

/** Inputs are recognized by content, through gzip and zip containers. */
class ContainerInputTest {
    private static byte[] resource(String name) throws IOException {
        try (InputStream in = ContainerInputTest.class.getResourceAsStream("/ingest/" + name)) {
            return in.readAllBytes();
        }
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(out)) {
            gz.write(bytes);
        }
        return out.toByteArray();
    }

    private static byte[] zip(String[] names, byte[][] contents) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (int i = 0; i < names.length; i++) {
                zip.putNextEntry(new ZipEntry(names[i]));
                zip.write(contents[i]);
                zip.closeEntry();
            }
        }
        return out.toByteArray();
    }

    @Test
    void gzipOfJsonLines() throws IOException {
        Recorder r = Recorder.read("events.log", gzip(resource("security-datasets-sysmon.json")));
        assertThat(r.events).hasSize(1);
        assertThat(r.kinds).containsExactly("JSON");
    }

    @Test
    void zipWithSeveralFormatsAndMacMetadata() throws IOException {
        byte[] zip = zip(new String[] {"a/sysmon.json", "__MACOSX/a/._sysmon.json", "b/events.xml", "c/readme.txt"},
                new byte[][] {resource("security-datasets-sysmon.json"), new byte[] {0, 5, 22, 7},
                    resource("events-document.xml"), "not events".getBytes()});
        Recorder r = Recorder.read("bundle.zip", zip);
        assertThat(r.events).hasSize(3);
        assertThat(r.problems).singleElement().satisfies(p -> {
            assertThat(p.origin().file()).isEqualTo("bundle.zip!c/readme.txt");
            assertThat(p.reason()).isEqualTo("unrecognized format");
        });
    }

    @Test
    void gzipInsideZip() throws IOException {
        byte[] zip = zip(new String[] {"x.gz"}, new byte[][] {gzip(resource("security-4688-v1.xml"))});
        assertThat(Recorder.read("nested.zip", zip).events).hasSize(1);
    }

    @Test
    void truncatedGzipIsReportedAfterTheEventsBeforeIt() throws IOException {
        byte[] whole = gzip((new String(resource("security-4688-v1.xml")).repeat(50)).getBytes());
        byte[] cut = java.util.Arrays.copyOf(whole, whole.length / 2);
        Recorder r = Recorder.read("cut.gz", cut);
        assertThat(r.problems).isNotEmpty();
        assertThat(r.problems.get(r.problems.size() - 1).reason()).isEqualTo("unreadable file");
    }

    @Test
    void nestingDeeperThanTheLimitIsRefused() throws IOException {
        byte[] data = resource("security-4688-v1.xml");
        for (int i = 0; i < InputReader.MAX_NESTING + 1; i++) {
            data = gzip(data);
        }
        Recorder r = Recorder.read("deep.gz", data);
        assertThat(r.events).isEmpty();
        assertThat(r.problems).singleElement().satisfies(p -> assertThat(p.reason()).isEqualTo("nested too deep"));
    }

    @Test
    void emptyInputIsNoProblem() {
        Recorder r = Recorder.read("empty.json", new byte[0]);
        assertThat(r.events).isEmpty();
        assertThat(r.problems).isEmpty();
    }
}
