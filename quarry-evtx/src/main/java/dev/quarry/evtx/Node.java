package dev.quarry.evtx;

/** A node of an event tree: an element, text, a CDATA section or a processing instruction. */
public sealed interface Node permits Element, Text, CData, ProcessingInstruction {
}
