/**
 * Decoding of BinXML, the binary XML inside EVTX records: tokens, templates, substitution
 * values and the expansion into event trees. Not part of the public API; use
 * {@link dev.quarry.evtx.EvtxFile}.
 */
package dev.quarry.evtx.binxml;
