package dev.quarry.evtx.binxml;

import java.util.ArrayList;
import java.util.List;

/**
 * Reads BinXML tokens from one byte range of a chunk into {@link Markup}. Layouts follow
 * MS-EVEN6 section 3.1.4.7 and the libevtx format document ("Binary XML"). Every read is
 * checked against the end of the range, so damaged input raises {@link BinXmlException} with
 * the chunk offset and the expected structure, never an index error.
 */
final class BinXmlParser {
    private static final int NAME_HEADER_SIZE = 8;
    private static final int TEMPLATE_HEADER_SIZE = 24;
    private static final int STRING_TYPE = 0x01;

    private final ChunkContext context;
    private final byte[] chunk;
    private final int end;
    private final boolean insideSubstitution;
    private final int nesting;
    private int pos;

    /**
     * @param insideSubstitution true for the bytes of a BinXML (type 0x21) substitution value,
     *     whose element start tokens usually lack the 2-byte dependency identifier
     * @param nesting how many templates and BinXML values enclose this range
     */
    BinXmlParser(ChunkContext context, int start, int end, boolean insideSubstitution, int nesting) {
        this.context = context;
        this.chunk = context.chunk();
        this.pos = start;
        this.end = end;
        this.insideSubstitution = insideSubstitution;
        this.nesting = nesting;
    }

    /**
     * Parses a document: fragment headers, elements, template instances and processing
     * instructions up to the end of stream token. The end of the range also ends a document,
     * because a BinXML substitution value need not carry an end of stream token.
     */
    List<Markup> parseDocument() {
        List<Markup> out = new ArrayList<>(2);
        while (pos < end) {
            int tokenOffset = pos;
            int token = nextToken();
            switch (token) {
                case Token.END_OF_STREAM -> {
                    pos++;
                    return out;
                }
                case Token.FRAGMENT_HEADER -> {
                    require(4, "a 4-byte fragment header");
                    pos += 4;
                }
                case Token.OPEN_START_ELEMENT -> out.add(parseElement(1));
                case Token.TEMPLATE_INSTANCE -> out.add(parseTemplateInstance());
                case Token.PI_TARGET -> out.add(parseInstruction());
                default -> throw unexpected(tokenOffset,
                        "a fragment header, element, template instance or end of stream token");
            }
        }
        return out;
    }

    private Markup.Element parseElement(int depth) {
        if (depth > context.limits().maxElementDepth()) {
            throw new BinXmlException(pos, "elements nest deeper than "
                    + context.limits().maxElementDepth() + " levels");
        }
        boolean hasAttributes = (chunk[pos] & Token.HAS_MORE) != 0;
        require(9, "an element start");
        pos += hasDependencyId() ? 3 : 1;
        pos += 4; // element data size: the parser finds the end from the tokens
        String name = readNameReference();

        List<Markup.Attribute> attributes = List.of();
        if (hasAttributes) {
            require(4, "the size of the attribute list");
            pos += 4;
            attributes = parseAttributes();
        }

        int closeOffset = pos;
        int close = nextToken();
        if (close == Token.CLOSE_EMPTY_ELEMENT) {
            pos++;
            return new Markup.Element(name, attributes, List.of());
        }
        if (close != Token.CLOSE_START_ELEMENT) {
            throw unexpected(closeOffset, "a close start element or close empty element token");
        }
        pos++;
        List<Markup> children = new ArrayList<>(4);
        parseContent(children, depth);
        return new Markup.Element(name, attributes, children);
    }

    /**
     * Tells whether the element start at the current position has the 2-byte dependency
     * identifier. Records written by Windows have it, but it is missing inside BinXML
     * substitution values (libevtx format document, "Element start") and in some files, such
     * as one forwarded by Windows Event Collector among the samples. The layout whose name
     * offset points right behind itself (an inline name) wins; otherwise the one whose element
     * data size fits the range.
     */
    private boolean hasDependencyId() {
        long sizeWithout = LittleEndian.u32(chunk, pos + 1);
        long nameWithout = LittleEndian.u32(chunk, pos + 5);
        boolean withFits = end - pos >= 11;
        long sizeWith = withFits ? LittleEndian.u32(chunk, pos + 3) : 0;
        long nameWith = withFits ? LittleEndian.u32(chunk, pos + 7) : 0;
        if (withFits && nameWith == pos + 11) {
            return true;
        }
        if (nameWithout == pos + 9) {
            return false;
        }
        withFits = withFits && sizeWith <= end - pos - 7 && nameWith < chunk.length;
        boolean withoutFits = sizeWithout <= end - pos - 5 && nameWithout < chunk.length;
        if (withFits != withoutFits) {
            return withFits;
        }
        return !insideSubstitution;
    }

    private List<Markup.Attribute> parseAttributes() {
        List<Markup.Attribute> attributes = new ArrayList<>(4);
        while (pos < end && Token.base(chunk[pos] & 0xff) == Token.ATTRIBUTE) {
            context.countToken(pos);
            require(5, "an attribute");
            pos++;
            String name = readNameReference();
            attributes.add(new Markup.Attribute(name, parseValueParts()));
        }
        return attributes;
    }

    /** Parses the tokens of an attribute value: text, substitutions and references. */
    private List<Markup> parseValueParts() {
        List<Markup> parts = new ArrayList<>(1);
        while (pos < end) {
            int token = Token.base(chunk[pos] & 0xff);
            switch (token) {
                case Token.VALUE -> parts.add(parseValueText());
                case Token.NORMAL_SUBSTITUTION, Token.OPTIONAL_SUBSTITUTION -> parts.add(parseSubstitution());
                case Token.CHARACTER_REFERENCE -> parts.add(parseCharacterReference());
                case Token.ENTITY_REFERENCE -> parts.add(parseEntityReference());
                default -> {
                    return parts;
                }
            }
        }
        return parts;
    }

    /** Parses element content up to and including the end element token. */
    private void parseContent(List<Markup> out, int depth) {
        while (true) {
            int tokenOffset = pos;
            int token = nextToken();
            switch (token) {
                case Token.END_ELEMENT -> {
                    pos++;
                    return;
                }
                case Token.OPEN_START_ELEMENT -> out.add(parseElement(depth + 1));
                case Token.VALUE -> out.add(parseValueText());
                case Token.NORMAL_SUBSTITUTION, Token.OPTIONAL_SUBSTITUTION -> out.add(parseSubstitution());
                case Token.CHARACTER_REFERENCE -> out.add(parseCharacterReference());
                case Token.ENTITY_REFERENCE -> out.add(parseEntityReference());
                case Token.CDATA_SECTION -> {
                    pos++;
                    out.add(new Markup.CData(readLengthPrefixedString("CDATA text")));
                }
                case Token.PI_TARGET -> out.add(parseInstruction());
                case Token.TEMPLATE_INSTANCE -> out.add(parseTemplateInstance());
                default -> throw unexpected(tokenOffset, "element content or an end element token");
            }
        }
    }

    private Markup.Text parseValueText() {
        require(2, "a value text token and its value type");
        int type = chunk[pos + 1] & 0xff;
        if (type != STRING_TYPE) {
            throw new BinXmlException(pos + 1, String.format(
                    "value text has value type 0x%02x; expected the string type 0x01", type));
        }
        pos += 2;
        return new Markup.Text(readLengthPrefixedString("value text"));
    }

    private Markup.Substitution parseSubstitution() {
        int offset = pos;
        require(4, "a 4-byte substitution token");
        boolean optional = (chunk[pos] & 0xff) == Token.OPTIONAL_SUBSTITUTION;
        int index = LittleEndian.u16(chunk, pos + 1);
        int declaredType = chunk[pos + 3] & 0xff;
        pos += 4;
        return new Markup.Substitution(index, declaredType, optional, offset);
    }

    private Markup.Text parseCharacterReference() {
        require(3, "a 3-byte character reference");
        int value = LittleEndian.u16(chunk, pos + 1);
        pos += 3;
        char c = (char) value;
        return new Markup.Text(Character.isSurrogate(c) ? "\uFFFD" : String.valueOf(c));
    }

    private Markup.Text parseEntityReference() {
        require(5, "an entity reference");
        pos++;
        String name = readNameReference();
        String resolved = switch (name) {
            case "lt" -> "<";
            case "gt" -> ">";
            case "amp" -> "&";
            case "quot" -> "\"";
            case "apos" -> "'";
            // NOTE: XML predefines only the five entities above, and no sample file uses another.
            // An unknown one is kept as literal text, so no character is lost.
            default -> "&" + name + ";";
        };
        return new Markup.Text(resolved);
    }

    private Markup.Instruction parseInstruction() {
        require(5, "a processing instruction target");
        pos++;
        String target = readNameReference();
        String data = "";
        if (pos < end && (chunk[pos] & 0xff) == Token.PI_DATA) {
            context.countToken(pos);
            pos++;
            data = readLengthPrefixedString("processing instruction data");
        }
        return new Markup.Instruction(target, data);
    }

    private Markup.TemplateInstance parseTemplateInstance() {
        require(10, "a template instance header");
        int definitionOffset = LittleEndian.i32(chunk, pos + 6);
        pos += 10;
        if (definitionOffset == pos) {
            // The definition is stored inline, right here; the cache parses it from its offset.
            require(TEMPLATE_HEADER_SIZE, "an inline template definition header");
            long dataSize = LittleEndian.u32(chunk, pos + 20);
            if (dataSize > end - pos - TEMPLATE_HEADER_SIZE) {
                throw new BinXmlException(pos + 20, "inline template definition of " + dataSize
                        + " bytes runs past the end of its data at chunk offset " + end);
            }
            pos += TEMPLATE_HEADER_SIZE + (int) dataSize;
        }
        Template template = context.template(definitionOffset, nesting + 1);
        return new Markup.TemplateInstance(template, parseInstanceValues());
    }

    private InstanceValues parseInstanceValues() {
        require(4, "the number of template values");
        long count = LittleEndian.u32(chunk, pos);
        if (count > (end - pos - 4) / 4) {
            throw new BinXmlException(pos, "template instance declares " + count
                    + " values, more descriptors than fit before chunk offset " + end);
        }
        pos += 4;
        int n = (int) count;
        int[] types = new int[n];
        int[] offsets = new int[n];
        int[] sizes = new int[n];
        int dataOffset = pos + 4 * n;
        for (int i = 0; i < n; i++) {
            int descriptor = pos + 4 * i;
            sizes[i] = LittleEndian.u16(chunk, descriptor);
            types[i] = chunk[descriptor + 2] & 0xff;
            offsets[i] = dataOffset;
            dataOffset += sizes[i];
        }
        if (dataOffset > end) {
            throw new BinXmlException(pos, "template values need " + (dataOffset - pos - 4 * n)
                    + " bytes but only " + (end - pos - 4 * n) + " remain before chunk offset " + end);
        }
        pos = dataOffset;
        return new InstanceValues(types, offsets, sizes);
    }

    /**
     * Reads a 4-byte name offset and returns the name from the chunk's name cache. A name stored
     * inline, right after its offset field, is skipped over.
     */
    private String readNameReference() {
        require(4, "a name offset");
        int nameOffset = LittleEndian.i32(chunk, pos);
        pos += 4;
        if (nameOffset == pos) {
            require(NAME_HEADER_SIZE, "an inline name header");
            int length = LittleEndian.u16(chunk, pos + 6);
            int size = NAME_HEADER_SIZE + 2 * length + 2;
            require(size, "an inline name of " + length + " characters");
            pos += size;
        }
        return context.name(nameOffset);
    }

    private String readLengthPrefixedString(String what) {
        require(2, "the character count of " + what);
        int length = LittleEndian.u16(chunk, pos);
        require(2 + 2 * length, what + " of " + length + " UTF-16 characters");
        String value = Utf16.decode(chunk, pos + 2, length);
        pos += 2 + 2 * length;
        return value;
    }

    /** Returns the token at the current position without consuming it, counting it once. */
    private int nextToken() {
        if (pos >= end) {
            throw new BinXmlException(pos, "the token stream ends at chunk offset " + end
                    + " before the document is complete; expected more tokens");
        }
        context.countToken(pos);
        return Token.base(chunk[pos] & 0xff);
    }

    private void require(int bytes, String what) {
        if (bytes > end - pos) {
            throw new BinXmlException(pos, "expected " + what + " at chunk offset " + pos
                    + " but the data ends at chunk offset " + end);
        }
    }

    private BinXmlException unexpected(int offset, String expected) {
        return new BinXmlException(offset, String.format(
                "unexpected BinXML token 0x%02x at chunk offset %d; expected %s",
                chunk[offset] & 0xff, offset, expected));
    }
}
