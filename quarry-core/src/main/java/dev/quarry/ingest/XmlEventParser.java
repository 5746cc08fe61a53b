package dev.quarry.ingest;

import java.io.StringReader;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the XML text of one Windows {@code <Event>} into an {@link Event}. DTDs and external entities are
 * disabled, so a hostile document cannot read files or expand entities without bound.
 */
final class XmlEventParser {
    private static final XMLInputFactory FACTORY = SafeXml.newFactory(true);

    private XmlEventParser() {
    }


    /** Parses one event; throws {@link IllegalArgumentException} with a readable reason on bad input. */
    static Event parse(String xml, Origin origin) {
        WindowsEventAssembler assembler = new WindowsEventAssembler();
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(xml));
            while (r.hasNext() && r.next() != XMLStreamConstants.START_ELEMENT) {
                // skip the prolog
            }
            if (!r.isStartElement() || !r.getLocalName().equals("Event")) {
                throw new IllegalArgumentException("expected an <Event> element");
            }
            readChildren(r, assembler);
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNumber()
                    + " column " + e.getLocation().getColumnNumber() + " of the event";
            throw new IllegalArgumentException("invalid XML" + where + ": " + firstLine(e.getMessage()), e);
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException ignored) {
                    // nothing was held open beyond the string reader
                }
            }
        }
        assembler.raw(() -> xml);
        return assembler.build(origin);
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "malformed document";
        }
        String m = message.strip();
        int i = m.lastIndexOf("Message: ");
        return i >= 0 ? m.substring(i + 9) : m.lines().findFirst().orElse(m);
    }

    /** Reads the children of {@code <Event>} until its end tag. */
    private static void readChildren(XMLStreamReader r, WindowsEventAssembler a) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (r.getLocalName()) {
                case "System" -> readSystem(r, a);
                case "EventData" -> readEventData(r, a);
                case "UserData" -> readUserData(r, a);
                case "RenderingInfo" -> readRenderingInfo(r, a);
                default -> readUserData(r, a);
            }
        }
    }

    private static void readSystem(XMLStreamReader r, WindowsEventAssembler a) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = r.getLocalName();
            for (int i = 0; i < r.getAttributeCount(); i++) {
                a.systemAttribute(element, r.getAttributeLocalName(i), r.getAttributeValue(i));
            }
            String text = elementText(r);
            if (!text.isBlank()) {
                a.systemText(element, text);
            }
        }
    }

    private static void readEventData(XMLStreamReader r, WindowsEventAssembler a) throws XMLStreamException {
        while (r.hasNext()) {
            int e = r.next();
            if (e == XMLStreamConstants.END_ELEMENT) {
                return;
            }
            if (e != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            String element = r.getLocalName();
            String name = r.getAttributeValue(null, "Name");
            String text = elementText(r);
            if (element.equals("Data")) {
                a.data(name, text);
            } else {
                a.data(element, text);
            }
        }
    }

    /** Flattens UserData: every leaf element becomes a field named after the element. */
    private static void readUserData(XMLStreamReader r, WindowsEventAssembler a) throws XMLStreamException {
        int depth = 1;
        String leafName = null;
        StringBuilder text = new StringBuilder();
        boolean hadChild = false;
        while (r.hasNext() && depth > 0) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.START_ELEMENT -> {
                    depth++;
                    leafName = r.getLocalName();
                    text.setLength(0);
                    hadChild = false;
                }
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA -> text.append(r.getText());
                case XMLStreamConstants.END_ELEMENT -> {
                    depth--;
                    if (leafName != null && !hadChild && depth > 0) {
                        a.userData(leafName, text.toString());
                    }
                    leafName = null;
                    hadChild = true;
                    text.setLength(0);
                }
                default -> {
                }
            }
        }
    }

    private static void readRenderingInfo(XMLStreamReader r, WindowsEventAssembler a) throws XMLStreamException {
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int e = r.next();
            if (e == XMLStreamConstants.START_ELEMENT) {
                if (depth == 1 && r.getLocalName().equals("Message")) {
                    a.extra("Message", elementText(r));
                } else {
                    depth++;
                }
            } else if (e == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    /** Returns the concatenated text of the current element, skipping nested elements, and ends on its end tag. */
    private static String elementText(XMLStreamReader r) throws XMLStreamException {
        StringBuilder sb = new StringBuilder();
        int depth = 1;
        while (r.hasNext() && depth > 0) {
            int e = r.next();
            switch (e) {
                case XMLStreamConstants.CHARACTERS, XMLStreamConstants.CDATA, XMLStreamConstants.SPACE -> {
                    if (depth == 1) {
                        sb.append(r.getText());
                    }
                }
                case XMLStreamConstants.START_ELEMENT -> depth++;
                case XMLStreamConstants.END_ELEMENT -> depth--;
                default -> {
                }
            }
        }
        return sb.toString();
    }
}
