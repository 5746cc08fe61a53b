/** Reads Windows XML Event Log (EVTX) files into event trees. */
package dev.quarry.evtx;
