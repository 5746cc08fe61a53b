package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/** Decoding of every BinXML token and of templates, on records written by {@link SyntheticEvtx}. */
class BinXmlTokenTest {
    private static final long FILETIME_2021 = 0x01d7c5b7e0df93eeL;

    private static Samples.Read readRecords(Consumer<SyntheticEvtx.Chunk> records) throws IOException {
        SyntheticEvtx.Chunk chunk = new SyntheticEvtx.Chunk();
        records.accept(chunk);
        return Samples.read(Samples.write(SyntheticEvtx.file(chunk.finish())), EvtxOptions.withThreads(1));
    }

    private static Element decodeOne(Consumer<SyntheticEvtx.Chunk> binXml) throws IOException {
        Samples.Read read = readRecords(chunk -> chunk.record(7, FILETIME_2021, binXml));
        assertThat(read.warnings()).isEmpty();
        return read.records().get(0).event();
    }

    @Test
    void recordHeaderGivesIdAndWrittenTime() throws IOException {
        Samples.Read read = readRecords(chunk -> chunk.record(7, FILETIME_2021, b -> b
                .fragmentHeader().openElement("Event", false).closeEmpty().endOfStream()));

        EvtxRecord record = read.records().get(0);
        assertThat(record.recordId()).isEqualTo(7);
        assertThat(record.written()).hasToString("2021-10-20T13:39:17.315479800Z");
        assertThat(record.fileOffset()).isEqualTo(4096 + 512);
    }

    @Test
    void literalTokensBuildTheTree() throws IOException {
        Element event = decodeOne(b -> b.fragmentHeader()
                .openElement("Event", true)
                .attribute("Note").value("a").characterReference('&').entityReference("lt").value("b")
                .closeStart()
                .value("x ").entityReference("amp").characterReference(0x41)
                .cdata("<raw>")
                .processingInstruction("target", "data")
                .openElement("Child", false).closeEmpty()
                .endElement()
                .endOfStream());

        assertThat(event.name()).isEqualTo("Event");
        assertThat(event.attribute("Note")).isEqualTo("a&<b");
        assertThat(event.children()).containsExactly(
                new Text("x &A"),
                new CData("<raw>"),
                new ProcessingInstruction("target", "data"),
                new Element("Child", List.of(), List.of()));
    }

    @Test
    void templateSubstitutesValues() throws IOException {
        Element event = decodeOne(b -> {
            b.fragmentHeader();
            b.templateInstance(t -> t.fragmentHeader()
                    .openElement("Event", false).closeStart()
                    .openElement("Data", true).attribute("Name").value("Count").closeStart()
                    .substitution(0, 0x08, false).endElement()
                    .openElement("Time", true).attribute("SystemTime").substitution(1, 0x11, true).closeEmpty()
                    .openElement("Missing", false).closeStart().substitution(2, 0x01, true).endElement()
                    .openElement("Empty", false).closeStart().substitution(2, 0x01, false).endElement()
                    .endElement()
                    .endOfStream());
            b.values(0x08, SyntheticEvtx.le32(42), 0x11, SyntheticEvtx.le64(FILETIME_2021), 0x00, new byte[0]);
            b.endOfStream();
        });

        assertThat(event.child("Data").attribute("Name")).isEqualTo("Count");
        assertThat(event.child("Data").text()).isEqualTo("42");
        assertThat(event.child("Time").attribute("SystemTime")).isEqualTo("2021-10-20T13:39:17.315479800Z");
        assertThat(event.child("Missing")).isNull();
        assertThat(event.child("Empty").children()).isEmpty();
    }

    @Test
    void nullAttributeIsLeftOut() throws IOException {
        Element event = decodeOne(b -> {
            b.fragmentHeader();
            b.templateInstance(t -> t.openElement("Security", true).attribute("UserID")
                    .substitution(0, 0x13, true).closeEmpty().endOfStream());
            b.values(0x00, new byte[0]);
            b.endOfStream();
        });

        assertThat(event.attributes()).isEmpty();
    }

    @Test
    void cachedTemplateIsReusedByLaterRecords() throws IOException {
        int[] definition = new int[1];
        Samples.Read read = readRecords(chunk -> {
            chunk.record(1, FILETIME_2021, b -> {
                definition[0] = b.templateInstance(t -> t.openElement("Data", false).closeStart()
                        .substitution(0, 0x01, false).endElement().endOfStream());
                b.values(0x01, SyntheticEvtx.utf16("first"));
                b.endOfStream();
            });
            chunk.record(2, FILETIME_2021, b -> b.templateReference(definition[0])
                    .values(0x01, SyntheticEvtx.utf16("second")).endOfStream());
        });

        assertThat(read.warnings()).isEmpty();
        assertThat(read.records().get(0).event().text()).isEqualTo("first");
        assertThat(read.records().get(1).event().text()).isEqualTo("second");
    }

    @Test
    void binXmlValueBecomesChildElements() throws IOException {
        Element event = decodeOne(b -> {
            b.templateInstance(t -> t.openElement("UserData", false).closeStart()
                    .substitution(0, 0x21, true).endElement().endOfStream());
            b.u32(1);
            int descriptor = b.pos;
            b.u16(0).u8(0x21).u8(0);
            int nestedStart = b.pos;
            b.openElementWithoutDependencyId("Inner").closeStart().value("v").endElement().endOfStream();
            int size = b.pos - nestedStart;
            b.bytes[descriptor] = (byte) size;
            b.bytes[descriptor + 1] = (byte) (size >>> 8);
            b.endOfStream();
        });

        assertThat(event.child("Inner").text()).isEqualTo("v");
    }

    @Test
    void arrayValueRepeatsItsElement() throws IOException {
        Element event = decodeOne(b -> {
            b.templateInstance(t -> t.openElement("EventData", false).closeStart()
                    .openElement("Data", false).closeStart().substitution(0, 0x81, false).endElement()
                    .endElement().endOfStream());
            b.values(0x81, SyntheticEvtx.utf16("a\0b\0"));
            b.endOfStream();
        });

        assertThat(event.elements()).extracting(Element::text).containsExactly("a", "b");
    }

    @Test
    void selfReferencingTemplateIsSkipped() throws IOException {
        Samples.Read read = readRecords(chunk -> chunk.record(1, FILETIME_2021, b -> {
            int definition = b.pos + 10;
            b.templateInstance(t -> t.openElement("Loop", false).closeStart()
                    .templateReference(definition).values().endElement().endOfStream());
            b.values();
            b.endOfStream();
        }));

        assertThat(read.records()).isEmpty();
        assertThat(read.warnings()).singleElement()
                .extracting(EvtxWarning::message).asString().contains("refers to itself");
    }

    @Test
    void nestedTemplateExpansionIsBounded() {
        // Template A substitutes value 0 (BinXML) 4000 times, and that value instantiates template
        // B, which substitutes a null value 4000 times. That is 16 million steps that build nothing.
        Samples.Read read = assertTimeoutPreemptively(Duration.ofSeconds(5), () -> readRecords(chunk ->
                chunk.record(1, FILETIME_2021, b -> {
                    b.templateInstance(t -> {
                        t.openElement("A", false).closeStart();
                        for (int i = 0; i < 4000; i++) {
                            t.substitution(0, 0x21, false);
                        }
                        t.endElement().endOfStream();
                    });
                    b.u32(1);
                    int descriptor = b.pos;
                    b.u16(0).u8(0x21).u8(0);
                    int nestedStart = b.pos;
                    b.templateInstance(t -> {
                        t.openElement("B", false).closeStart();
                        for (int i = 0; i < 4000; i++) {
                            t.substitution(0, 0x00, false);
                        }
                        t.endElement().endOfStream();
                    });
                    b.values(0x00, new byte[0]);
                    int size = b.pos - nestedStart;
                    b.bytes[descriptor] = (byte) size;
                    b.bytes[descriptor + 1] = (byte) (size >>> 8);
                    b.endOfStream();
                })));

        assertThat(read.records()).isEmpty();
        assertThat(read.warnings()).singleElement()
                .extracting(EvtxWarning::message).asString().contains("expansion steps");
    }

    @Test
    void deepNestingIsSkipped() throws IOException {
        Samples.Read read = readRecords(chunk -> chunk.record(1, FILETIME_2021, b -> {
            for (int i = 0; i < 100; i++) {
                b.openElement("E", false).closeStart();
            }
            for (int i = 0; i < 100; i++) {
                b.endElement();
            }
            b.endOfStream();
        }));

        assertThat(read.records()).isEmpty();
        assertThat(read.warnings()).singleElement()
                .extracting(EvtxWarning::message).asString().contains("nest deeper than 64");
    }

    @Test
    void unterminatedElementIsSkipped() throws IOException {
        Samples.Read read = readRecords(chunk -> chunk.record(1, FILETIME_2021, b ->
                b.openElement("Event", false).closeStart().value("never closed")));

        assertThat(read.records()).isEmpty();
        assertThat(read.warnings()).singleElement()
                .extracting(EvtxWarning::message).asString().contains("before the document is complete");
    }

    @Test
    void nameOffsetOutsideChunkIsSkipped() throws IOException {
        Samples.Read read = readRecords(chunk -> chunk.record(1, FILETIME_2021, b ->
                b.u8(0x01).u16(0xffff).u32(0).u32(0x7fff_0000L).u8(0x03).endOfStream()));

        assertThat(read.records()).isEmpty();
        assertThat(read.warnings()).singleElement()
                .extracting(EvtxWarning::message).asString().contains("points outside the chunk");
    }

    @Test
    void warningNamesFileAndOffset() throws IOException {
        SyntheticEvtx.Chunk chunk = new SyntheticEvtx.Chunk();
        chunk.record(1, FILETIME_2021, b -> b.u8(0x7f).endOfStream());
        java.nio.file.Path file = Samples.write(SyntheticEvtx.file(chunk.finish()));

        EvtxWarning warning = Samples.read(file, EvtxOptions.withThreads(1)).warnings().get(0);

        assertThat(warning.file()).isEqualTo(file);
        assertThat(warning.offset()).isEqualTo(4096 + 512 + 24);
        assertThat(warning.message()).contains("unexpected BinXML token 0x7f");
    }
}
