package dev.quarry.exec;

import java.util.Arrays;

/**
 * A search value in CIDR notation, such as {@code 10.0.0.0/8} or {@code fe80::/10}: it matches IPv4 and IPv6
 * addresses in the block, as Splunk's search does for {@code field=<cidr>}, and the notation itself as text.
 */
public final class CidrPattern implements ValuePattern {
    private final String text;
    private final byte[] network;
    private final int bits;

    private CidrPattern(String text, byte[] network, int bits) {
        this.text = text;
        this.network = network;
        this.bits = bits;
    }

    /** Reads {@code address/bits}, or returns null when the text is not CIDR notation. */
    static CidrPattern parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.indexOf('*') >= 0) {
            return null;
        }
        String digits = text.substring(slash + 1);
        if (digits.length() > 3 || !digits.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return null;
        }
        byte[] network = Cidr.literal(text.substring(0, slash));
        int bits = Integer.parseInt(digits);
        if (network == null || bits > network.length * 8) {
            return null;
        }
        return new CidrPattern(text, network, bits);
    }

    @Override
    public boolean matches(Value.Str value) {
        String v = value.value();
        if (v.equalsIgnoreCase(text)) {
            return true;
        }
        byte[] address = Cidr.literal(v.trim());
        return address != null && address.length == network.length && inBlock(address);
    }

    private boolean inBlock(byte[] address) {
        int full = bits / 8;
        if (!Arrays.equals(address, 0, full, network, 0, full)) {
            return false;
        }
        int rest = bits % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean matchesAnything() {
        return false;
    }

    @Override
    public String toString() {
        return text;
    }
}
