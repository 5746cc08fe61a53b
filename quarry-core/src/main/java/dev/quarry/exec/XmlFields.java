package dev.quarry.exec;

import dev.quarry.ingest.SafeXml;
import java.io.StringReader;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * XML text as {@code spath} reads it: element names as written (with any prefix), paths from the root element
 * ({@code Event.System.EventID}), attributes as {@code path{@name}}, the {@code xmlns} declarations among them.
 * An element without child elements has its text as value; one with children renders as XML. DTDs and external
 * entities are disabled and nesting deeper than {@link #MAX_DEPTH} makes the text count as not XML, so hostile
 * input cannot expand or exhaust the stack.
 */
public final class XmlFields {
    /** The deepest element nesting read. */
    static final int MAX_DEPTH = 256;

    private static final XMLInputFactory FACTORY = SafeXml.newFactory(false);

    /** A parsed element. */
    public static final class Element {
        private final String name;
        private final Map<String, String> attributes = new LinkedHashMap<>();
        private final List<Element> children = new ArrayList<>();
        private final StringBuilder text = new StringBuilder();

        Element(String name) {
            this.name = name;
        }
    }

    private XmlFields() {
    }

    /** Parses an XML document into its root element; returns null when the text is not well-formed XML. */
    public static Element parse(String text) {
        XMLStreamReader r = null;
        try {
            r = FACTORY.createXMLStreamReader(new StringReader(text));
            Deque<Element> open = new ArrayDeque<>();
            Element root = null;
            while (r.hasNext()) {
                int event = r.next();
                if (event == XMLStreamConstants.START_ELEMENT) {
                    if (open.size() >= MAX_DEPTH) {
                        return null;
                    }
                    Element e = new Element(r.getLocalName());
                    for (int i = 0; i < r.getAttributeCount(); i++) {
                        e.attributes.put(r.getAttributeLocalName(i), r.getAttributeValue(i));
                    }
                    if (open.isEmpty()) {
                        root = e;
                    } else {
                        open.peek().children.add(e);
                    }
                    open.push(e);
                } else if (event == XMLStreamConstants.END_ELEMENT) {
                    open.pop();
                } else if ((event == XMLStreamConstants.CHARACTERS || event == XMLStreamConstants.CDATA)
                        && !open.isEmpty()) {
                    open.peek().text.append(r.getText());
                }
            }
            return root;
        } catch (XMLStreamException | RuntimeException e) {
            return null;
        } finally {
            if (r != null) {
                try {
                    r.close();
                } catch (XMLStreamException e) {
                    // Nothing is left to release: the reader reads from a string.
                }
            }
        }
    }

    /** Returns the text of every element without children and every attribute, under its path. */
    public static Map<String, List<String>> all(Element root) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        collect(root, root.name, out);
        return out;
    }

    private static void collect(Element e, String path, Map<String, List<String>> out) {
        for (Map.Entry<String, String> a : e.attributes.entrySet()) {
            out.computeIfAbsent(path + "{@" + a.getKey() + "}", k -> new ArrayList<>()).add(a.getValue());
        }
        if (e.children.isEmpty()) {
            if (e.text.length() > 0) {
                out.computeIfAbsent(path, k -> new ArrayList<>()).add(e.text.toString());
            }
            return;
        }
        for (Element child : e.children) {
            collect(child, path + "." + child.name, out);
        }
    }

    /** Returns the values at a path whose first step names the root element, in document order. */
    public static List<String> select(Element root, SpathPath path) {
        List<Element> current = new ArrayList<>();
        List<String> out = new ArrayList<>();
        for (int s = 0; s < path.steps().size(); s++) {
            SpathPath.Step step = path.steps().get(s);
            List<Element> next = new ArrayList<>();
            if (s == 0) {
                if (step.name().equals(root.name)) {
                    next.add(root);
                }
            } else {
                for (Element e : current) {
                    List<Element> named = new ArrayList<>();
                    for (Element child : e.children) {
                        if (child.name.equals(step.name())) {
                            named.add(child);
                        }
                    }
                    next.addAll(selectPosition(named, step.selectors()));
                }
            }
            current = next;
            for (SpathPath.Selector selector : step.selectors()) {
                if (selector instanceof SpathPath.Attribute a) {
                    for (Element e : current) {
                        String v = e.attributes.get(a.name());
                        if (v != null) {
                            out.add(v);
                        }
                    }
                    return out;
                }
            }
        }
        for (Element e : current) {
            out.add(e.children.isEmpty() ? e.text.toString() : render(e));
        }
        return out;
    }

    private static List<Element> selectPosition(List<Element> named, List<SpathPath.Selector> selectors) {
        List<Element> out = named;
        for (SpathPath.Selector selector : selectors) {
            if (selector instanceof SpathPath.Index index) {
                out = index.position() <= out.size() ? List.of(out.get(index.position() - 1)) : List.of();
            }
        }
        return out;
    }

    private static String render(Element e) {
        StringBuilder sb = new StringBuilder();
        write(e, sb);
        return sb.toString();
    }

    private static void write(Element e, StringBuilder sb) {
        sb.append('<').append(e.name);
        for (Map.Entry<String, String> a : e.attributes.entrySet()) {
            sb.append(' ').append(a.getKey()).append("=\"").append(escape(a.getValue())).append('"');
        }
        sb.append('>');
        if (e.children.isEmpty()) {
            sb.append(escape(e.text.toString()));
        }
        for (Element child : e.children) {
            write(child, sb);
        }
        sb.append("</").append(e.name).append('>');
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
