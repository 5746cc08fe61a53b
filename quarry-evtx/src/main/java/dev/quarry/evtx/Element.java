package dev.quarry.evtx;

import java.util.List;
import java.util.Objects;

/**
 * An XML element of an event, with names exactly as stored in the file. Adjacent text in the
 * file (value text, substitutions, entity and character references) is merged into one
 * {@link Text} child, so {@code <Data Name="x">value</Data>} has exactly one text child.
 *
 * @param name the element name, such as {@code EventID}
 * @param attributes the attributes in file order; an attribute whose value is a null
 *     substitution is left out, as evtxexport does
 * @param children child nodes in file order
 */
public record Element(String name, List<Attribute> attributes, List<Node> children) implements Node {

    public Element {
        Objects.requireNonNull(name, "name");
        attributes = List.copyOf(attributes);
        children = List.copyOf(children);
    }

    /** Returns the value of the first attribute with this name, or null if there is none. */
    public String attribute(String attributeName) {
        for (Attribute attribute : attributes) {
            if (attribute.name().equals(attributeName)) {
                return attribute.value();
            }
        }
        return null;
    }

    /** Returns the first child element with this name, or null if there is none. */
    public Element child(String elementName) {
        for (Node node : children) {
            if (node instanceof Element element && element.name().equals(elementName)) {
                return element;
            }
        }
        return null;
    }

    /** Returns the child elements in order, skipping text and other nodes. */
    public List<Element> elements() {
        return children.stream()
                .filter(Element.class::isInstance)
                .map(Element.class::cast)
                .toList();
    }

    /** Returns the concatenated text and CDATA of the direct children; "" when there is none. */
    public String text() {
        StringBuilder text = new StringBuilder();
        for (Node node : children) {
            if (node instanceof Text t) {
                text.append(t.value());
            } else if (node instanceof CData c) {
                text.append(c.value());
            }
        }
        return text.toString();
    }
}
