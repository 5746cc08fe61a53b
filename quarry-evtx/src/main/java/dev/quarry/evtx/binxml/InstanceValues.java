package dev.quarry.evtx.binxml;

import java.util.List;

/**
 * The value array of one template instance: a type and a byte range in the chunk per value
 * (MS-EVEN6 TemplateInstanceData). Values are formatted on first use and cached, because a
 * template may substitute the same value more than once.
 */
final class InstanceValues {
    private final int[] types;
    private final int[] offsets;
    private final int[] sizes;
    private final Object[] decoded;

    InstanceValues(int[] types, int[] offsets, int[] sizes) {
        this.types = types;
        this.offsets = offsets;
        this.sizes = sizes;
        this.decoded = new Object[types.length];
    }

    int count() {
        return types.length;
    }

    int type(int index) {
        return types[index];
    }

    int offset(int index) {
        return offsets[index];
    }

    int size(int index) {
        return sizes[index];
    }

    Object cached(int index) {
        return decoded[index];
    }

    void cache(int index, Object value) {
        decoded[index] = value;
    }

    /** Returns the parsed BinXML of a type 0x21 value, parsing it on first use. */
    @SuppressWarnings("unchecked")
    List<Markup> nested(int index, ChunkContext context, int nesting) {
        Object cached = decoded[index];
        if (cached == null) {
            cached = context.parser(offsets[index], offsets[index] + sizes[index], true, nesting)
                    .parseDocument();
            decoded[index] = cached;
        }
        return (List<Markup>) cached;
    }
}
