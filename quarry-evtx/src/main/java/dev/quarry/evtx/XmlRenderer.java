package dev.quarry.evtx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * Writes event trees as XML text, either one event per line or indented by two spaces per
 * level like {@code evtxexport -f xml}.
 *
 * <p>Text escapes {@code & < >}, attribute values also {@code "}, and line breaks inside
 * attribute values are written as character references so they survive parsing. XML 1.0
 * cannot carry control characters other than tab, line feed and carriage return, unpaired
 * surrogates, U+FFFE or U+FFFF; each is written as U+FFFD.
 */
public final class XmlRenderer {

    /** Layout of the output. */
    public enum Layout {
        /** The whole event on one line, without a trailing line break. */
        SINGLE_LINE,
        /** One element per line, indented by two spaces per level, ending in a line break. */
        INDENTED
    }

    private XmlRenderer() {
    }

    /** Returns the element as XML text. */
    public static String toXml(Element element, Layout layout) {
        StringBuilder text = new StringBuilder(1024);
        write(element, layout, text);
        return text.toString();
    }

    /**
     * Appends the element as XML text.
     *
     * @throws UncheckedIOException if the appendable throws an IOException
     */
    public static void write(Element element, Layout layout, Appendable out) {
        try {
            if (layout == Layout.SINGLE_LINE) {
                writeElement(element, out, -1);
            } else {
                writeElement(element, out, 0);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Writes an element; a negative indent means the single-line layout. */
    private static void writeElement(Element element, Appendable out, int indent) throws IOException {
        indent(out, indent);
        out.append('<').append(element.name());
        for (Attribute attribute : element.attributes()) {
            out.append(' ').append(attribute.name()).append("=\"");
            escape(attribute.value(), out, true);
            out.append('"');
        }
        List<Node> children = element.children();
        if (children.isEmpty()) {
            out.append("/>");
            newline(out, indent);
            return;
        }
        out.append('>');
        boolean inline = indent < 0 || children.stream().noneMatch(Element.class::isInstance);
        if (inline) {
            for (Node child : children) {
                writeNode(child, out, -1);
            }
        } else {
            newline(out, indent);
            for (Node child : children) {
                writeNode(child, out, indent + 1);
            }
            indent(out, indent);
        }
        out.append("</").append(element.name()).append('>');
        newline(out, indent);
    }

    private static void writeNode(Node node, Appendable out, int indent) throws IOException {
        if (node instanceof Element element) {
            writeElement(element, out, indent);
            return;
        }
        indent(out, indent);
        if (node instanceof Text text) {
            escape(text.value(), out, false);
        } else if (node instanceof CData cdata) {
            // "]]>" cannot appear inside a CDATA section, so it is split across two sections.
            out.append("<![CDATA[").append(sanitize(cdata.value()).replace("]]>", "]]]]><![CDATA[>")).append("]]>");
        } else if (node instanceof ProcessingInstruction pi) {
            out.append("<?").append(pi.target());
            if (!pi.data().isEmpty()) {
                out.append(' ').append(sanitize(pi.data()).replace("?>", "? >"));
            }
            out.append("?>");
        }
        newline(out, indent);
    }

    private static void escape(String value, Appendable out, boolean attribute) throws IOException {
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append(attribute ? "&quot;" : "\"");
                case '\n' -> out.append(attribute ? "&#10;" : "\n");
                case '\r' -> out.append("&#13;");
                case '\t' -> out.append(attribute ? "&#9;" : "\t");
                default -> {
                    if (Character.isHighSurrogate(c) && i + 1 < value.length()
                            && Character.isLowSurrogate(value.charAt(i + 1))) {
                        out.append(c).append(value.charAt(++i));
                    } else {
                        out.append(isXmlChar(c) ? c : '\uFFFD');
                    }
                }
            }
        }
    }

    /** Replaces characters that XML 1.0 cannot carry with U+FFFD. */
    static String sanitize(String value) {
        StringBuilder text = null;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            boolean pair = Character.isHighSurrogate(c) && i + 1 < value.length()
                    && Character.isLowSurrogate(value.charAt(i + 1));
            if (pair) {
                if (text != null) {
                    text.append(c).append(value.charAt(i + 1));
                }
                i++;
            } else if (isXmlChar(c) || c == '\t' || c == '\n' || c == '\r') {
                if (text != null) {
                    text.append(c);
                }
            } else {
                if (text == null) {
                    text = new StringBuilder(value.length()).append(value, 0, i);
                }
                text.append('\uFFFD');
            }
        }
        return text == null ? value : text.toString();
    }

    private static boolean isXmlChar(char c) {
        return (c >= 0x20 && c < 0xD800) || (c >= 0xE000 && c <= 0xFFFD);
    }

    private static void indent(Appendable out, int indent) throws IOException {
        for (int i = 0; i < indent; i++) {
            out.append("  ");
        }
    }

    private static void newline(Appendable out, int indent) throws IOException {
        if (indent >= 0) {
            out.append('\n');
        }
    }
}
