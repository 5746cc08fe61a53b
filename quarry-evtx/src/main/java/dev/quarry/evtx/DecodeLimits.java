package dev.quarry.evtx;

/**
 * Bounds that keep damaged or hostile input from exhausting the stack, time or memory.
 *
 * <p>Genuine events stay far below each bound: Windows event XML nests a handful of levels,
 * and BinXML values inside substitutions nest one or two deep. The output bounds apply per
 * record and per chunk, because a template can be instantiated many times and so expand far
 * beyond the 64 KiB of its chunk.
 *
 * @param maxElementDepth deepest element nesting in one event, counting nested BinXML
 * @param maxBinXmlNesting deepest nesting of templates and BinXML substitution values
 * @param maxTokensPerRecord tokens parsed for one record, template definitions included
 * @param maxNodesPerRecord expansion steps for one record: each template item expanded and
 *     each element, attribute or text built counts one
 * @param maxNodesPerChunk expansion steps for all records of one chunk together
 * @param maxCharsPerRecord characters of names and values built for one record
 * @param maxCharsPerChunk characters built for all records of one chunk together
 */
public record DecodeLimits(
        int maxElementDepth,
        int maxBinXmlNesting,
        int maxTokensPerRecord,
        int maxNodesPerRecord,
        long maxNodesPerChunk,
        int maxCharsPerRecord,
        long maxCharsPerChunk) {

    /** Limits used by the reader unless a caller sets others. */
    public static final DecodeLimits DEFAULT =
            new DecodeLimits(64, 16, 1 << 20, 1 << 17, 1L << 20, 1 << 22, 1L << 24);

    public DecodeLimits {
        if (maxElementDepth < 1 || maxBinXmlNesting < 1 || maxTokensPerRecord < 1
                || maxNodesPerRecord < 1 || maxNodesPerChunk < 1 || maxCharsPerRecord < 1
                || maxCharsPerChunk < 1) {
            throw new IllegalArgumentException("every decode limit must be at least 1");
        }
    }
}
