package dev.quarry.evtx.binxml;

import dev.quarry.evtx.DecodeLimits;
import dev.quarry.evtx.ValueStyle;
import dev.quarry.evtx.Element;
import dev.quarry.evtx.Node;
import java.util.List;

/**
 * Decodes the BinXML of the records of one chunk. Names and template definitions are cached
 * for the life of this decoder, so create one per chunk and use it from one thread.
 */
public final class BinXmlDecoder {
    private final ChunkContext context;
    private final TreeBuilder builder;

    /**
     * @param chunk the whole chunk; offsets inside BinXML are relative to its first byte
     */
    public BinXmlDecoder(byte[] chunk, DecodeLimits limits) {
        this(chunk, limits, ValueStyle.LIBEVTX);
    }

    /**
     * @param chunk the whole chunk; offsets inside BinXML are relative to its first byte
     * @param style how hex integers and size_t values become text
     */
    public BinXmlDecoder(byte[] chunk, DecodeLimits limits, ValueStyle style) {
        this.context = new ChunkContext(chunk, limits, style);
        this.builder = new TreeBuilder(context);
    }

    /**
     * Decodes the BinXML between two chunk offsets into the record's event element.
     *
     * @throws BinXmlException if the BinXML is damaged or exceeds a decode limit
     */
    public Element decodeEvent(int start, int end) {
        context.startRecord();
        List<Markup> document = context.parser(start, end, false, 0).parseDocument();
        List<Node> nodes = builder.build(document, start);
        for (Node node : nodes) {
            if (node instanceof Element element) {
                return element;
            }
        }
        throw new BinXmlException(start, "record BinXML contains no element; expected an Event element");
    }
}
