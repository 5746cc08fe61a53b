package dev.quarry.exec.lookup;

import dev.quarry.exec.Cidr;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;

/**
 * A {@code CIDR} column: each cell parsed once into a network address and prefix length. A cell without a prefix
 * length is one address. A cell that is neither an address nor a CIDR block matches nothing, and so does a value
 * that is not a literal address (no name is resolved).
 */
final class CidrColumn implements ColumnIndex {
    private final byte[][] networks;
    private final int[] prefixLengths;

    CidrColumn(LookupTable table, int column) {
        int n = table.size();
        this.networks = new byte[n][];
        this.prefixLengths = new int[n];
        for (int r = 0; r < n; r++) {
            String cell = table.cell(r, column);
            if (cell != null) {
                parse(cell.trim(), r);
            }
        }
    }

    private void parse(String cell, int row) {
        int slash = cell.indexOf('/');
        byte[] address = Cidr.literal(slash < 0 ? cell : cell.substring(0, slash).trim());
        if (address == null) {
            return;
        }
        int bits = address.length * 8;
        if (slash >= 0) {
            try {
                bits = Integer.parseInt(cell.substring(slash + 1).trim());
            } catch (NumberFormatException e) {
                return;
            }
            if (bits < 0 || bits > address.length * 8) {
                return;
            }
        }
        networks[row] = address;
        prefixLengths[row] = bits;
    }

    @Override
    public int collectCost() {
        return 2;
    }

    @Override
    public Probe probe(List<String> values) {
        List<byte[]> addresses = new ArrayList<>(values.size());
        for (String v : values) {
            byte[] a = Cidr.literal(v.trim());
            if (a != null) {
                addresses.add(a);
            }
        }
        return new Probe() {
            @Override
            public void collect(BitSet rows) {
                if (addresses.isEmpty()) {
                    return;
                }
                for (int r = 0; r < networks.length; r++) {
                    if (matches(r)) {
                        rows.set(r);
                    }
                }
            }

            @Override
            public boolean matches(int row) {
                byte[] network = networks[row];
                if (network == null) {
                    return false;
                }
                for (byte[] a : addresses) {
                    if (inBlock(a, network, prefixLengths[row])) {
                        return true;
                    }
                }
                return false;
            }
        };
    }

    static boolean inBlock(byte[] address, byte[] network, int prefixLength) {
        if (address.length != network.length) {
            return false;
        }
        int full = prefixLength / 8;
        for (int i = 0; i < full; i++) {
            if (address[i] != network[i]) {
                return false;
            }
        }
        int rest = prefixLength % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xFF << (8 - rest)) & 0xFF;
        return (address[full] & mask) == (network[full] & mask);
    }
}
