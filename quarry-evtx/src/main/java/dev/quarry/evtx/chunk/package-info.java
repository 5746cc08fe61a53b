/**
 * Chunk and record framing of EVTX files: the 64 KiB chunk header, its checksums and the
 * records inside. Not part of the public API; use {@link dev.quarry.evtx.EvtxFile}.
 */
package dev.quarry.evtx.chunk;
