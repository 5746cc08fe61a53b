package dev.quarry.exec.lookup;

/** How a lookup column's cells are compared with field values, as a lookup definition's {@code match_type} sets. */
public enum MatchType {
    /** The whole value equals the cell; the default. */
    EXACT,
    /** The cell is a pattern in which {@code *} matches any run of characters, including none. */
    WILDCARD,
    /** The cell is an IPv4 or IPv6 address or CIDR block, and the value an address inside it. */
    CIDR
}
