package dev.quarry.exec;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/** CIDR membership for IPv4 and IPv6, without name resolution: only literal addresses are accepted. */
public final class Cidr {
    private Cidr() {
    }

    public static boolean matches(String cidr, String ip) {
        int slash = cidr.indexOf('/');
        String network = slash < 0 ? cidr : cidr.substring(0, slash);
        byte[] net = literal(network.trim());
        byte[] addr = literal(ip.trim());
        if (net == null || addr == null || net.length != addr.length) {
            return false;
        }
        int bits = net.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(cidr.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                return false;
            }
        }
        if (bits < 0 || bits > net.length * 8) {
            return false;
        }
        BigInteger mask = bits == 0 ? BigInteger.ZERO
                : BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftLeft(net.length * 8 - bits);
        return new BigInteger(1, net).and(mask).equals(new BigInteger(1, addr).and(mask));
    }

    /** Parses a literal IPv4 or IPv6 address; null for anything else, never a DNS lookup. */
    public static byte[] literal(String s) {
        if (s.isEmpty()) {
            return null;
        }
        if (s.indexOf(':') < 0) {
            String[] parts = s.split("\\.", -1);
            if (parts.length != 4) {
                return null;
            }
            byte[] out = new byte[4];
            for (int i = 0; i < 4; i++) {
                if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                    return null;
                }
                int v = Integer.parseInt(parts[i]);
                if (v > 255) {
                    return null;
                }
                out[i] = (byte) v;
            }
            return out;
        }
        if (!s.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
            return null;
        }
        try {
            return InetAddress.getByName(s).getAddress();
        } catch (UnknownHostException e) {
            return null;
        }
    }
}
