package dev.quarry.evtx.binxml;

import dev.quarry.evtx.Attribute;
import dev.quarry.evtx.CData;
import dev.quarry.evtx.DecodeLimits;
import dev.quarry.evtx.Element;
import dev.quarry.evtx.Node;
import dev.quarry.evtx.ProcessingInstruction;
import dev.quarry.evtx.Text;
import dev.quarry.evtx.ValueStyle;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Expands parsed BinXML into an event tree: fills template substitutions from the instance's
 * values, parses BinXML (type 0x21) values in place, and merges adjacent text. Node and
 * character budgets from {@link DecodeLimits} stop a template that is instantiated over and
 * over from growing a record without bound.
 */
final class TreeBuilder {
    private final ChunkContext context;
    private final DecodeLimits limits;
    /** Reusable content builders, one per element depth, to avoid two lists per element. */
    private final List<Content> contents = new ArrayList<>();
    private int recordOffset;
    private int nodes;
    private long chunkNodes;
    private long chars;
    private long chunkChars;

    TreeBuilder(ChunkContext context) {
        this.context = context;
        this.limits = context.limits();
    }

    /** Expands the tokens of one record; {@code recordOffset} locates budget errors. */
    List<Node> build(List<Markup> document, int recordOffset) {
        this.recordOffset = recordOffset;
        this.nodes = 0;
        this.chars = 0;
        Content content = content(0);
        expandAll(document, null, content, 0, 0);
        return content.finish();
    }

    private Content content(int depth) {
        while (contents.size() <= depth) {
            contents.add(new Content());
        }
        return contents.get(depth);
    }

    private void expandAll(List<Markup> items, InstanceValues values, Content out, int depth, int nesting) {
        for (int i = 0; i < items.size(); i++) {
            expand(items.get(i), values, out, depth, nesting);
        }
    }

    private void expand(Markup item, InstanceValues values, Content out, int depth, int nesting) {
        // Every step counts, even one that builds nothing, such as a null substitution, so that
        // templates nested inside each other cannot loop for long without building nodes.
        countNode(0);
        if (item instanceof Markup.Element element) {
            expandElement(element, values, out, depth + 1, nesting);
        } else if (item instanceof Markup.Text text) {
            out.text(text.value());
        } else if (item instanceof Markup.Substitution substitution) {
            expandSubstitution(substitution, values, out, depth, nesting);
        } else if (item instanceof Markup.TemplateInstance instance) {
            checkNesting(nesting + 1);
            expandAll(instance.template().body(), instance.values(), out, depth, nesting + 1);
        } else if (item instanceof Markup.CData cdata) {
            out.node(new CData(cdata.value()));
        } else if (item instanceof Markup.Instruction instruction) {
            out.node(new ProcessingInstruction(instruction.target(), instruction.data()));
        }
    }

    /**
     * Expands an element. When its content substitutes an array value, the element is
     * repeated once per array item (libevtx format document, "Normal substitution"), and an
     * empty array gives one empty element.
     */
    private void expandElement(Markup.Element element, InstanceValues values, Content out, int depth, int nesting) {
        if (depth > limits.maxElementDepth()) {
            throw new BinXmlException(recordOffset, "elements nest deeper than "
                    + limits.maxElementDepth() + " levels after template expansion");
        }
        if (isOmitted(element, values)) {
            return;
        }
        int arrayIndex = arraySubstitution(element, values);
        if (arrayIndex < 0) {
            out.node(buildElement(element, values, depth, nesting, -1, null));
            return;
        }
        List<String> items = arrayItems(values, arrayIndex);
        if (items.isEmpty()) {
            out.node(buildElement(element, values, depth, nesting, arrayIndex, null));
        }
        for (String item : items) {
            out.node(buildElement(element, values, depth, nesting, arrayIndex, item));
        }
    }

    private Element buildElement(Markup.Element element, InstanceValues values, int depth, int nesting,
            int arrayIndex, String arrayItem) {
        countNode(0);
        List<Attribute> attributes = List.of();
        List<Markup.Attribute> markupAttributes = element.attributes();
        if (!markupAttributes.isEmpty()) {
            Attribute[] built = new Attribute[markupAttributes.size()];
            int count = 0;
            for (int i = 0; i < markupAttributes.size(); i++) {
                Markup.Attribute attribute = markupAttributes.get(i);
                String value = attributeValue(attribute, values);
                if (value != null) {
                    countNode(value.length());
                    built[count++] = new Attribute(attribute.name(), value);
                }
            }
            attributes = count == built.length ? List.of(built) : List.of(Arrays.copyOf(built, count));
        }
        Content content = content(depth);
        List<Markup> children = element.children();
        for (int i = 0; i < children.size(); i++) {
            Markup child = children.get(i);
            if (arrayIndex >= 0 && child instanceof Markup.Substitution substitution
                    && substitution.index() == arrayIndex) {
                if (arrayItem != null) {
                    content.text(arrayItem);
                }
            } else {
                expand(child, values, content, depth, nesting);
            }
        }
        return new Element(element.name(), attributes, content.finish());
    }

    /** Returns the attribute value, or null when every part is a null substitution. */
    private String attributeValue(Markup.Attribute attribute, InstanceValues values) {
        List<Markup> parts = attribute.parts();
        if (parts.isEmpty()) {
            return "";
        }
        if (parts.size() == 1) {
            return partText(parts.get(0), values);
        }
        StringBuilder text = new StringBuilder();
        boolean present = false;
        for (Markup part : parts) {
            String value = partText(part, values);
            if (value != null) {
                text.append(value);
                present = true;
            }
        }
        return present ? text.toString() : null;
    }

    private String partText(Markup part, InstanceValues values) {
        if (part instanceof Markup.Text text) {
            return text.value();
        }
        Markup.Substitution substitution = (Markup.Substitution) part;
        int index = checkIndex(substitution, values);
        if (values.type(index) == ValueType.BINXML) {
            throw new BinXmlException(substitution.chunkOffset(),
                    "attribute substitutes BinXML value " + index + "; expected a value that renders as text");
        }
        return scalarOrJoinedText(values, index);
    }

    private void expandSubstitution(Markup.Substitution substitution, InstanceValues values, Content out,
            int depth, int nesting) {
        int index = checkIndex(substitution, values);
        if (values.type(index) == ValueType.BINXML) {
            checkNesting(nesting + 1);
            List<Markup> nested = values.nested(index, context, nesting + 1);
            expandAll(nested, null, out, depth, nesting + 1);
            return;
        }
        String text = scalarOrJoinedText(values, index);
        if (text != null) {
            out.text(text);
        }
    }

    /**
     * Renders a value as text. An array outside an element that can repeat (in an attribute, or
     * beside other content) is joined with ", ".
     */
    // NOTE: no sample file has an array value in an attribute, so the ", " joining there is not
    // checked against evtxexport.
    private String scalarOrJoinedText(InstanceValues values, int index) {
        int type = values.type(index);
        if (ValueType.isArray(type)) {
            return String.join(", ", arrayItems(values, index));
        }
        Object cached = values.cached(index);
        if (cached instanceof String text) {
            return text;
        }
        String text = ValueFormatter.styled(ValueFormatter.format(context.chunk(), type, values.offset(index),
                values.size(index)), type, context.style());
        values.cache(index, text);
        return text;
    }

    @SuppressWarnings("unchecked")
    private List<String> arrayItems(InstanceValues values, int index) {
        Object cached = values.cached(index);
        if (cached instanceof List<?> list) {
            return (List<String>) list;
        }
        List<String> items = ValueFormatter.formatArray(context.chunk(), values.type(index),
                values.offset(index), values.size(index));
        if (context.style() != ValueStyle.LIBEVTX) {
            int base = values.type(index) & ~ValueType.ARRAY;
            items = items.stream().map(item -> ValueFormatter.styled(item, base, context.style())).toList();
        }
        values.cache(index, items);
        return items;
    }

    /**
     * Tells whether an element is left out, which happens when its content is only optional
     * substitutions whose values all have the null type (MS-EVEN6 BinXmlTokenOptionalSubstitution).
     * evtxexport leaves such elements out even when they have attributes.
     */
    private static boolean isOmitted(Markup.Element element, InstanceValues values) {
        List<Markup> children = element.children();
        if (values == null || children.isEmpty()) {
            return false;
        }
        for (int i = 0; i < children.size(); i++) {
            if (!(children.get(i) instanceof Markup.Substitution substitution)
                    || !substitution.optional()
                    || substitution.index() >= values.count()
                    || values.type(substitution.index()) != ValueType.NULL) {
                return false;
            }
        }
        return true;
    }

    /** Returns the index of the first array value that a direct child substitutes, or -1. */
    private static int arraySubstitution(Markup.Element element, InstanceValues values) {
        if (values == null) {
            return -1;
        }
        List<Markup> children = element.children();
        for (int i = 0; i < children.size(); i++) {
            if (children.get(i) instanceof Markup.Substitution substitution
                    && substitution.index() < values.count()
                    && ValueType.isArray(values.type(substitution.index()))) {
                return substitution.index();
            }
        }
        return -1;
    }

    private int checkIndex(Markup.Substitution substitution, InstanceValues values) {
        if (values == null) {
            throw new BinXmlException(substitution.chunkOffset(),
                    "substitution outside a template instance; expected it inside a template definition");
        }
        if (substitution.index() >= values.count()) {
            throw new BinXmlException(substitution.chunkOffset(), "substitution refers to value "
                    + substitution.index() + " but the template instance has " + values.count() + " values");
        }
        return substitution.index();
    }

    private void checkNesting(int nesting) {
        if (nesting > limits.maxBinXmlNesting()) {
            throw new BinXmlException(recordOffset, "templates and BinXML values nest deeper than "
                    + limits.maxBinXmlNesting() + " levels");
        }
    }

    private void countNode(int length) {
        if (++nodes > limits.maxNodesPerRecord()) {
            throw new BinXmlException(recordOffset, "record takes more than "
                    + limits.maxNodesPerRecord() + " expansion steps");
        }
        if (++chunkNodes > limits.maxNodesPerChunk()) {
            throw new BinXmlException(recordOffset, "records of this chunk take more than "
                    + limits.maxNodesPerChunk() + " expansion steps");
        }
        countChars(length);
    }

    private void countChars(int length) {
        chars += length;
        chunkChars += length;
        if (chars > limits.maxCharsPerRecord()) {
            throw new BinXmlException(recordOffset, "record expands to more than "
                    + limits.maxCharsPerRecord() + " characters");
        }
        if (chunkChars > limits.maxCharsPerChunk()) {
            throw new BinXmlException(recordOffset, "records of this chunk expand to more than "
                    + limits.maxCharsPerChunk() + " characters");
        }
    }

    /**
     * Child nodes under construction; consecutive text pieces become one {@link Text}. One
     * instance per depth is reused, so {@link #finish} copies the nodes out and clears it.
     */
    private final class Content {
        private final List<Node> nodes = new ArrayList<>(16);
        private String pending;
        private StringBuilder pendingBuilder;

        void text(String value) {
            if (value.isEmpty()) {
                return;
            }
            if (pending == null) {
                pending = value;
            } else {
                if (pendingBuilder == null) {
                    pendingBuilder = new StringBuilder(pending);
                }
                pendingBuilder.append(value);
            }
        }

        void node(Node node) {
            flush();
            if (!(node instanceof Element)) {
                countNode(0);
            }
            nodes.add(node);
        }

        List<Node> finish() {
            flush();
            List<Node> result = nodes.isEmpty() ? List.of() : List.copyOf(nodes);
            nodes.clear();
            return result;
        }

        private void flush() {
            if (pending == null) {
                return;
            }
            String text = pendingBuilder == null ? pending : pendingBuilder.toString();
            countNode(text.length());
            nodes.add(new Text(text));
            pending = null;
            pendingBuilder = null;
        }
    }
}
