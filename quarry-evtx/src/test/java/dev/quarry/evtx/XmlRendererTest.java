package dev.quarry.evtx;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** XML text written for event trees. */
class XmlRendererTest {

    private static Element element(String name, List<Attribute> attributes, Node... children) {
        return new Element(name, attributes, List.of(children));
    }

    @Test
    void indentedFormMatchesEvtxexport() throws IOException {
        // Text printed by evtxexport -f xml (libevtx 20181227) for record 426 of the sample.
        String expected = """
                <Event xmlns="http://schemas.microsoft.com/win/2004/08/events/event">
                  <System>
                    <Provider Name="SecurityCenter"/>
                    <EventID Qualifiers="0">1</EventID>
                    <Version>0</Version>
                    <Level>4</Level>
                    <Task>0</Task>
                    <Opcode>0</Opcode>
                    <Keywords>0x0080000000000000</Keywords>
                    <TimeCreated SystemTime="2021-03-31T23:51:45.018767400Z"/>
                    <EventRecordID>426</EventRecordID>
                    <Correlation/>
                    <Execution ProcessID="0" ThreadID="0"/>
                    <Channel>Application</Channel>
                    <Computer>DESKTOP-0HIJB49</Computer>
                    <Security/>
                  </System>
                  <EventData/>
                </Event>
                """;
        Element event = Samples.read("application-no-crc32.evtx").record(426).event();

        assertThat(XmlRenderer.toXml(event, XmlRenderer.Layout.INDENTED)).isEqualTo(expected);
    }

    @Test
    void singleLineFormHasNoLineBreaks() throws IOException {
        Element event = Samples.read("application-no-crc32.evtx").record(426).event();

        String xml = XmlRenderer.toXml(event, XmlRenderer.Layout.SINGLE_LINE);

        assertThat(xml).doesNotContain("\n");
        assertThat(xml).startsWith("<Event xmlns=\"http://schemas.microsoft.com/win/2004/08/events/event\"><System><Provider");
        assertThat(xml).endsWith("<Security/></System><EventData/></Event>");
    }

    @Test
    void textIsEscaped() {
        Element data = element("Data", List.of(), new Text("a<b & c>d \"q\""));

        assertThat(XmlRenderer.toXml(data, XmlRenderer.Layout.SINGLE_LINE))
                .isEqualTo("<Data>a&lt;b &amp; c&gt;d \"q\"</Data>");
    }

    @Test
    void attributeIsEscaped() {
        Element data = element("Data", List.of(new Attribute("Name", "x\"<&>\ny")));

        assertThat(XmlRenderer.toXml(data, XmlRenderer.Layout.SINGLE_LINE))
                .isEqualTo("<Data Name=\"x&quot;&lt;&amp;&gt;&#10;y\"/>");
    }

    @Test
    void charactersXmlCannotCarryBecomeReplacementCharacter() {
        Element data = element("Data", List.of(), new Text("a\u0001b\uD800c\uD83D\uDE00"));

        assertThat(XmlRenderer.toXml(data, XmlRenderer.Layout.SINGLE_LINE))
                .isEqualTo("<Data>a\uFFFDb\uFFFDc\uD83D\uDE00</Data>");
    }

    @Test
    void cdataAndProcessingInstruction() {
        Element event = element("Event", List.of(), new CData("x]]>y"), new ProcessingInstruction("pi", "data"));

        assertThat(XmlRenderer.toXml(event, XmlRenderer.Layout.SINGLE_LINE))
                .isEqualTo("<Event><![CDATA[x]]]]><![CDATA[>y]]><?pi data?></Event>");
    }
}
