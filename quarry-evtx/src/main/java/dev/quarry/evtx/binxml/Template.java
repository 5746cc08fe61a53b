package dev.quarry.evtx.binxml;

import java.util.List;

/**
 * A parsed template definition, cached per chunk by the offset of its definition header.
 *
 * @param chunkOffset offset of the definition header from the start of the chunk
 * @param body the fragment's content, usually a single root element
 */
record Template(int chunkOffset, List<Markup> body) {
}
