package dev.quarry.evtx.binxml;

import dev.quarry.evtx.DecodeLimits;
import dev.quarry.evtx.ValueStyle;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Decoding state shared by the records of one chunk: the chunk bytes, the names and template
 * definitions read so far (both are referenced by chunk offset, so they are only valid inside
 * their chunk), and the counters that enforce {@link DecodeLimits}.
 */
final class ChunkContext {
    private static final int NAME_HEADER_SIZE = 8;
    private static final int TEMPLATE_HEADER_SIZE = 24;

    private final byte[] chunk;
    private final DecodeLimits limits;
    private final ValueStyle style;
    private final Map<Integer, String> names = new HashMap<>();
    private final Map<Integer, Object> templates = new HashMap<>();
    private final Set<Integer> templatesInProgress = new HashSet<>();
    private int tokens;

    ChunkContext(byte[] chunk, DecodeLimits limits, ValueStyle style) {
        this.chunk = chunk;
        this.limits = limits;
        this.style = style;
    }

    ValueStyle style() {
        return style;
    }

    byte[] chunk() {
        return chunk;
    }

    DecodeLimits limits() {
        return limits;
    }

    BinXmlParser parser(int start, int end, boolean insideSubstitution, int nesting) {
        if (nesting > limits.maxBinXmlNesting()) {
            throw new BinXmlException(start, "templates and BinXML values nest deeper than "
                    + limits.maxBinXmlNesting() + " levels");
        }
        return new BinXmlParser(this, start, end, insideSubstitution, nesting);
    }

    /** Starts the token count of a new record. */
    void startRecord() {
        tokens = 0;
    }

    void countToken(int offset) {
        if (++tokens > limits.maxTokensPerRecord()) {
            throw new BinXmlException(offset, "record has more than "
                    + limits.maxTokensPerRecord() + " BinXML tokens");
        }
    }

    /**
     * Returns the name stored at a chunk offset (libevtx format document, "Name": 4 unknown
     * bytes, 2-byte hash, 2-byte character count, UTF-16 characters, end-of-string character).
     */
    String name(int offset) {
        String name = names.get(offset);
        if (name != null) {
            return name;
        }
        if (offset < 0 || offset > chunk.length - NAME_HEADER_SIZE) {
            throw new BinXmlException(offset, "name offset " + Integer.toUnsignedString(offset)
                    + " points outside the chunk; expected an offset below " + (chunk.length - NAME_HEADER_SIZE));
        }
        int length = LittleEndian.u16(chunk, offset + 6);
        if (2L * length + 2 > chunk.length - offset - NAME_HEADER_SIZE) {
            throw new BinXmlException(offset, "name of " + length + " characters at chunk offset "
                    + offset + " runs past the end of the chunk");
        }
        name = Utf16.decode(chunk, offset + NAME_HEADER_SIZE, length).intern();
        names.put(offset, name);
        return name;
    }

    /**
     * Returns the template definition at a chunk offset (libevtx format document, "Template
     * definition": next offset, GUID, data size, then the fragment), parsing and caching it on
     * first use. A failed definition is cached too, so each damaged template is parsed once.
     */
    Template template(int offset, int nesting) {
        Object cached = templates.get(offset);
        if (cached instanceof Template template) {
            return template;
        }
        if (cached instanceof BinXmlException failure) {
            throw failure;
        }
        if (offset < 0 || offset > chunk.length - TEMPLATE_HEADER_SIZE) {
            throw new BinXmlException(offset, "template definition offset "
                    + Integer.toUnsignedString(offset) + " points outside the chunk; expected an offset below "
                    + (chunk.length - TEMPLATE_HEADER_SIZE));
        }
        if (!templatesInProgress.add(offset)) {
            throw new BinXmlException(offset, "template definition at chunk offset " + offset
                    + " refers to itself; expected a template without a cycle");
        }
        try {
            long dataSize = LittleEndian.u32(chunk, offset + 20);
            int bodyStart = offset + TEMPLATE_HEADER_SIZE;
            if (dataSize > chunk.length - bodyStart) {
                throw new BinXmlException(offset + 20, "template definition of " + dataSize
                        + " bytes at chunk offset " + offset + " runs past the end of the chunk");
            }
            Template template = new Template(offset,
                    parser(bodyStart, bodyStart + (int) dataSize, false, nesting).parseDocument());
            templates.put(offset, template);
            return template;
        } catch (BinXmlException failure) {
            templates.put(offset, failure);
            throw failure;
        } finally {
            templatesInProgress.remove(offset);
        }
    }
}
