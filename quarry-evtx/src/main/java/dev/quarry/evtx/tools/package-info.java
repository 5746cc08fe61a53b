/**
 * Command-line tools around the reader: {@link dev.quarry.evtx.tools.LibevtxConformance}
 * compares it with libevtx's evtxexport, and {@link dev.quarry.evtx.tools.Throughput} measures
 * its speed. Both run evtxexport from libevtx-utils as a child process.
 */
package dev.quarry.evtx.tools;
