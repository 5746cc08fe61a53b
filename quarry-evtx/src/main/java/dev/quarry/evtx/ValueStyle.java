package dev.quarry.evtx;

/**
 * How typed values become text where libevtx and Windows differ. Everything else renders the same in both.
 */
public enum ValueStyle {
    /**
     * As {@code evtxexport -f xml} (libevtx 20181227) prints: hex integers with 8 or 16 digits
     * ({@code 0x000003e7}), size_t in decimal. The conformance checks compare in this style.
     */
    LIBEVTX,
    /**
     * As Windows renders events (Event Viewer's XML view, {@code wevtutil qe /f:xml}, and what a Splunk
     * forwarder collects): hex integers without leading zeros ({@code 0x3e7}), size_t as such a hex integer.
     */
    WINDOWS
}
