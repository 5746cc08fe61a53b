package dev.quarry.evtx.tools;

import dev.quarry.evtx.Attribute;
import dev.quarry.evtx.Element;
import dev.quarry.evtx.Node;
import dev.quarry.evtx.Text;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.parsers.ParserConfigurationException;
import org.w3c.dom.Document;
import org.w3c.dom.NamedNodeMap;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;

/**
 * Runs libevtx's {@code evtxexport -f xml} on a file and parses its output into event trees.
 * The output starts with a version banner, then contains one {@code <Event>} document after
 * another; evtxexport prints its errors to standard error and stops at the first record it
 * cannot decode.
 */
final class LibevtxExport {

    /**
     * The output of evtxexport for one file.
     *
     * @param exitCode the process exit code, or -1 when it timed out
     * @param events the events parsed from standard output, in output order
     * @param malformedEvents events whose XML the JDK parser rejected
     * @param errors the lines evtxexport wrote to standard error
     */
    record Result(int exitCode, List<Element> events, int malformedEvents, List<String> errors) {

        boolean timedOut() {
            return exitCode == -1;
        }

        /** Returns whether evtxexport stopped before the end of the file because of an error. */
        boolean aborted() {
            return exitCode != 0;
        }
    }

    private final String executable;
    private final Duration timeout;
    private final DocumentBuilder parser;

    LibevtxExport(String executable, Duration timeout) {
        this.executable = executable;
        this.timeout = timeout;
        this.parser = newSafeParser();
    }

    Result export(Path file) throws IOException, InterruptedException {
        Path stdout = Files.createTempFile("evtxexport-", ".xml");
        Path stderr = Files.createTempFile("evtxexport-", ".err");
        try {
            Process process = new ProcessBuilder(executable, "-f", "xml", file.toString())
                    .redirectOutput(stdout.toFile())
                    .redirectError(stderr.toFile())
                    .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
                    .start();
            int exitCode;
            if (process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                exitCode = process.exitValue();
            } else {
                process.destroyForcibly();
                process.waitFor();
                exitCode = -1;
            }
            String output = Files.readString(stdout, StandardCharsets.UTF_8);
            List<String> errors = Files.readAllLines(stderr, StandardCharsets.UTF_8);
            return parse(output, exitCode, errors);
        } finally {
            Files.deleteIfExists(stdout);
            Files.deleteIfExists(stderr);
        }
    }

    private Result parse(String output, int exitCode, List<String> errors) {
        List<Element> events = new ArrayList<>();
        int malformed = 0;
        for (String document : splitDocuments(output)) {
            try {
                Document dom = parser.parse(new InputSource(new StringReader(sanitize(document))));
                events.add(toElement(dom.getDocumentElement()));
            } catch (SAXException | IOException e) {
                malformed++;
            }
        }
        return new Result(exitCode, events, malformed, errors);
    }

    /** Splits the output at each line that starts an {@code <Event} document. */
    static List<String> splitDocuments(String output) {
        List<String> documents = new ArrayList<>();
        int start = -1;
        int lineStart = 0;
        while (lineStart < output.length()) {
            int lineEnd = output.indexOf('\n', lineStart);
            if (lineEnd < 0) {
                lineEnd = output.length();
            }
            if (output.startsWith("<Event", lineStart)) {
                if (start >= 0) {
                    documents.add(output.substring(start, lineStart));
                }
                start = lineStart;
            }
            lineStart = lineEnd + 1;
        }
        if (start >= 0) {
            documents.add(output.substring(start));
        }
        return documents;
    }

    /**
     * Converts a DOM element to an event tree. Whitespace-only text beside child elements is
     * dropped, because it is evtxexport's indentation, not event data.
     */
    static Element toElement(org.w3c.dom.Element dom) {
        List<Attribute> attributes = new ArrayList<>();
        NamedNodeMap domAttributes = dom.getAttributes();
        for (int i = 0; i < domAttributes.getLength(); i++) {
            org.w3c.dom.Node attribute = domAttributes.item(i);
            attributes.add(new Attribute(attribute.getNodeName(), attribute.getNodeValue()));
        }
        List<Node> children = new ArrayList<>();
        NodeList domChildren = dom.getChildNodes();
        boolean hasElements = false;
        for (int i = 0; i < domChildren.getLength(); i++) {
            hasElements |= domChildren.item(i).getNodeType() == org.w3c.dom.Node.ELEMENT_NODE;
        }
        StringBuilder text = new StringBuilder();
        for (int i = 0; i < domChildren.getLength(); i++) {
            org.w3c.dom.Node child = domChildren.item(i);
            switch (child.getNodeType()) {
                case org.w3c.dom.Node.ELEMENT_NODE -> {
                    flushText(text, children, hasElements);
                    children.add(toElement((org.w3c.dom.Element) child));
                }
                case org.w3c.dom.Node.TEXT_NODE, org.w3c.dom.Node.CDATA_SECTION_NODE ->
                        text.append(child.getNodeValue());
                default -> {
                    // Comments and processing instructions carry no field values.
                }
            }
        }
        flushText(text, children, hasElements);
        return new Element(dom.getTagName(), attributes, children);
    }

    private static void flushText(StringBuilder text, List<Node> children, boolean hasElements) {
        if (text.length() > 0 && !(hasElements && text.toString().isBlank())) {
            children.add(new Text(text.toString()));
        }
        text.setLength(0);
    }

    /** Replaces characters that XML 1.0 forbids, which evtxexport writes unescaped, with U+FFFD. */
    static String sanitize(String text) {
        StringBuilder out = null;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean allowed = c == '\t' || c == '\n' || c == '\r' || (c >= 0x20 && c <= 0xFFFD && !Character.isSurrogate(c));
            if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                if (out != null) {
                    out.append(c).append(text.charAt(i + 1));
                }
                i++;
                continue;
            }
            if (!allowed && out == null) {
                out = new StringBuilder(text.length()).append(text, 0, i);
            }
            if (out != null) {
                out.append(allowed ? c : '\uFFFD');
            }
        }
        return out == null ? text : out.toString();
    }

    /** Returns a parser with DTDs, external entities and XInclude disabled. */
    private static DocumentBuilder newSafeParser() {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setFeature("http://xml.org/sax/features/external-general-entities", false);
            factory.setFeature("http://xml.org/sax/features/external-parameter-entities", false);
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_DTD, "");
            factory.setAttribute(XMLConstants.ACCESS_EXTERNAL_SCHEMA, "");
            factory.setXIncludeAware(false);
            factory.setExpandEntityReferences(false);
            factory.setNamespaceAware(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(new org.xml.sax.helpers.DefaultHandler());
            return builder;
        } catch (ParserConfigurationException e) {
            throw new IllegalStateException("the JDK XML parser does not support disabling DTDs", e);
        }
    }
}
