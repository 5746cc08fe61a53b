package dev.quarry.evtx.binxml;

import dev.quarry.evtx.ValueStyle;
import java.nio.charset.Charset;
import java.util.ArrayList;
import java.util.List;

/**
 * Turns substitution values into text the way evtxexport 20181227 ({@code -f xml}) prints
 * them: decimal integers (size_t too), {@code 0x} plus fixed-width lowercase hex for hex types, GUIDs in
 * braces, SIDs as {@code S-1-...}, times as ISO-8601 UTC and binary as uppercase hex. Value
 * layouts follow MS-EVEN6 section 2.2.12 and the libevtx format document ("Value types").
 */
final class ValueFormatter {
    /** The codepage libevtx uses for ANSI strings unless one is set. */
    private static final Charset ANSI = Charset.forName("windows-1252");
    private static final char[] HEX_UPPER = "0123456789ABCDEF".toCharArray();
    private static final char[] HEX_LOWER = "0123456789abcdef".toCharArray();
    private static final int SID_HEADER_SIZE = 8;

    private ValueFormatter() {
    }

    /**
     * Formats one value that is not an array and not BinXML. Returns null for the null type.
     *
     * @throws BinXmlException if the size does not fit the type or the type is unknown
     */
    static String format(byte[] chunk, int type, int offset, int size) {
        int expected = ValueType.fixedSize(type);
        if (expected != 0 && size != expected) {
            throw new BinXmlException(offset, "value of type " + ValueType.name(type) + " has "
                    + size + " bytes; expected " + expected);
        }
        return switch (type) {
            case ValueType.NULL -> null;
            case ValueType.STRING -> Utf16.decodeValue(chunk, offset, size);
            case ValueType.ANSI_STRING -> ansi(chunk, offset, size);
            case ValueType.INT8 -> Integer.toString(chunk[offset]);
            case ValueType.UINT8 -> Integer.toString(chunk[offset] & 0xff);
            case ValueType.INT16 -> Integer.toString(LittleEndian.i16(chunk, offset));
            case ValueType.UINT16 -> Integer.toString(LittleEndian.u16(chunk, offset));
            case ValueType.INT32 -> Integer.toString(LittleEndian.i32(chunk, offset));
            case ValueType.UINT32 -> Long.toString(LittleEndian.u32(chunk, offset));
            case ValueType.INT64 -> Long.toString(LittleEndian.i64(chunk, offset));
            case ValueType.UINT64 -> Long.toUnsignedString(LittleEndian.i64(chunk, offset));
            case ValueType.REAL32 -> real(Float.intBitsToFloat(LittleEndian.i32(chunk, offset)));
            case ValueType.REAL64 -> real(Double.longBitsToDouble(LittleEndian.i64(chunk, offset)));
            case ValueType.BOOL -> LittleEndian.i32(chunk, offset) != 0 ? "true" : "false";
            case ValueType.BINARY, ValueType.EVT_HANDLE, ValueType.EVT_XML -> hexUpper(chunk, offset, size);
            case ValueType.GUID -> guid(chunk, offset);
            case ValueType.SIZE_T -> sizeT(chunk, offset, size);
            case ValueType.FILETIME -> TimeText.filetime(LittleEndian.i64(chunk, offset));
            case ValueType.SYSTEMTIME -> TimeText.systemtime(chunk, offset);
            case ValueType.SID -> sid(chunk, offset, size);
            case ValueType.HEX_INT32 -> hexLower(LittleEndian.i32(chunk, offset) & 0xffffffffL, 8);
            case ValueType.HEX_INT64 -> hexLower(LittleEndian.i64(chunk, offset), 16);
            default -> throw new BinXmlException(offset, "unknown value type "
                    + ValueType.name(type) + "; expected a type from MS-EVEN6 section 2.2.12");
        };
    }

    /**
     * Splits an array value (type with bit 0x80) into its items. String arrays are separated by
     * end-of-string characters; other arrays are runs of fixed-size items.
     *
     * @throws BinXmlException if the size is not a whole number of items
     */
    static List<String> formatArray(byte[] chunk, int type, int offset, int size) {
        int base = type & ~ValueType.ARRAY;
        return switch (base) {
            case ValueType.STRING -> stringArray(chunk, offset, size);
            case ValueType.ANSI_STRING -> ansiArray(chunk, offset, size);
            case ValueType.SID -> sidArray(chunk, offset, size);
            case ValueType.SIZE_T -> fixedArray(chunk, base, offset, size, size % 8 == 0 ? 8 : 4);
            default -> {
                int itemSize = ValueType.fixedSize(base);
                if (itemSize == 0) {
                    throw new BinXmlException(offset, "array of value type " + ValueType.name(base)
                            + " is not supported; MS-EVEN6 defines arrays of fixed-size types, strings and SIDs only");
                }
                yield fixedArray(chunk, base, offset, size, itemSize);
            }
        };
    }

    private static List<String> fixedArray(byte[] chunk, int base, int offset, int size, int itemSize) {
        if (size % itemSize != 0) {
            throw new BinXmlException(offset, "array of type " + ValueType.name(base) + " has "
                    + size + " bytes; expected a multiple of " + itemSize);
        }
        List<String> items = new ArrayList<>(size / itemSize);
        for (int at = offset; at < offset + size; at += itemSize) {
            items.add(format(chunk, base, at, itemSize));
        }
        return items;
    }

    private static List<String> stringArray(byte[] chunk, int offset, int size) {
        List<String> items = new ArrayList<>();
        int end = offset + (size & ~1);
        int start = offset;
        for (int at = offset; at < end; at += 2) {
            if (chunk[at] == 0 && chunk[at + 1] == 0) {
                items.add(Utf16.decode(chunk, start, (at - start) / 2));
                start = at + 2;
            }
        }
        if (start < end) {
            items.add(Utf16.decode(chunk, start, (end - start) / 2));
        }
        return items;
    }

    private static List<String> ansiArray(byte[] chunk, int offset, int size) {
        List<String> items = new ArrayList<>();
        int start = offset;
        for (int at = offset; at < offset + size; at++) {
            if (chunk[at] == 0) {
                items.add(new String(chunk, start, at - start, ANSI));
                start = at + 1;
            }
        }
        if (start < offset + size) {
            items.add(new String(chunk, start, offset + size - start, ANSI));
        }
        return items;
    }

    private static List<String> sidArray(byte[] chunk, int offset, int size) {
        List<String> items = new ArrayList<>();
        int at = offset;
        while (at < offset + size) {
            int length = sidLength(chunk, at, offset + size - at);
            items.add(sid(chunk, at, length));
            at += length;
        }
        return items;
    }

    private static String ansi(byte[] chunk, int offset, int size) {
        int length = size;
        while (length > 0 && chunk[offset + length - 1] == 0) {
            length--;
        }
        return new String(chunk, offset, length, ANSI);
    }

    /** Formats a real the way libevtx does for the values seen in the samples. */
    private static String real(double value) {
        // NOTE: no sample file contains a real value, so this rendering (Java's shortest
        // round-trip decimal) is not checked against evtxexport.
        return Double.toString(value);
    }

    static String hexUpper(byte[] bytes, int offset, int size) {
        char[] text = new char[2 * size];
        for (int i = 0; i < size; i++) {
            int b = bytes[offset + i] & 0xff;
            text[2 * i] = HEX_UPPER[b >>> 4];
            text[2 * i + 1] = HEX_UPPER[b & 0xf];
        }
        return new String(text);
    }

    /**
     * Re-renders a value formatted in the libevtx style in {@code style}: for Windows, hex integers lose their
     * leading zeros ({@code 0x000003e7} becomes {@code 0x3e7}) and size_t values become such hex integers.
     */
    static String styled(String text, int type, ValueStyle style) {
        if (style == ValueStyle.LIBEVTX || text == null) {
            return text;
        }
        return switch (type) {
            case ValueType.HEX_INT32, ValueType.HEX_INT64 -> "0x" + Long.toHexString(Long.parseUnsignedLong(
                    text.substring(2), 16));
            case ValueType.SIZE_T -> "0x" + Long.toHexString(Long.parseUnsignedLong(text));
            default -> text;
        };
    }

    static String hexLower(long value, int digits) {
        char[] text = new char[2 + digits];
        text[0] = '0';
        text[1] = 'x';
        for (int i = digits - 1; i >= 0; i--) {
            text[2 + i] = HEX_LOWER[(int) (value & 0xf)];
            value >>>= 4;
        }
        return new String(text);
    }

    /**
     * Formats a size_t in decimal, as evtxexport 20181227 prints it. (Windows Event Viewer
     * shows the same values as hexadecimal, for example a ProcessId of {@code 0x4}.)
     */
    private static String sizeT(byte[] chunk, int offset, int size) {
        return switch (size) {
            case 4 -> Long.toString(LittleEndian.u32(chunk, offset));
            case 8 -> Long.toUnsignedString(LittleEndian.i64(chunk, offset));
            default -> throw new BinXmlException(offset, "size_t value has " + size
                    + " bytes; expected 4 or 8");
        };
    }

    /** Formats a GUID: Data1, Data2 and Data3 little-endian, Data4 as stored, in braces. */
    private static String guid(byte[] chunk, int offset) {
        char[] text = new char[38];
        text[0] = '{';
        int at = 1;
        at = putHex(text, at, LittleEndian.u32(chunk, offset), 8);
        text[at++] = '-';
        at = putHex(text, at, LittleEndian.u16(chunk, offset + 4), 4);
        text[at++] = '-';
        at = putHex(text, at, LittleEndian.u16(chunk, offset + 6), 4);
        text[at++] = '-';
        for (int i = 8; i < 16; i++) {
            if (i == 10) {
                text[at++] = '-';
            }
            int b = chunk[offset + i] & 0xff;
            text[at++] = HEX_UPPER[b >>> 4];
            text[at++] = HEX_UPPER[b & 0xf];
        }
        text[at] = '}';
        return new String(text);
    }

    private static int putHex(char[] text, int at, long value, int digits) {
        for (int i = digits - 1; i >= 0; i--) {
            text[at + i] = HEX_UPPER[(int) (value & 0xf)];
            value >>>= 4;
        }
        return at + digits;
    }

    /**
     * Returns the size of the SID starting at {@code offset}: an 8-byte header (revision,
     * sub-authority count, 48-bit big-endian authority) and 4 bytes per sub-authority.
     */
    private static int sidLength(byte[] chunk, int offset, int available) {
        if (available < SID_HEADER_SIZE) {
            throw new BinXmlException(offset, "SID has " + available + " bytes; expected at least "
                    + SID_HEADER_SIZE);
        }
        int length = SID_HEADER_SIZE + 4 * (chunk[offset + 1] & 0xff);
        if (length > available) {
            throw new BinXmlException(offset, "SID with " + (chunk[offset + 1] & 0xff)
                    + " sub-authorities needs " + length + " bytes but only " + available + " remain");
        }
        return length;
    }

    /** Formats a SID as {@code S-revision-authority-subauthority...} (MS-DTYP section 2.4.2). */
    private static String sid(byte[] chunk, int offset, int size) {
        // Bytes past the sub-authorities the SID declares are ignored: records cut short while
        // being written keep a value size larger than the zeroed SID it now contains.
        int length = sidLength(chunk, offset, size);
        long authority = 0;
        for (int i = 2; i < SID_HEADER_SIZE; i++) {
            authority = authority << 8 | (chunk[offset + i] & 0xff);
        }
        StringBuilder text = new StringBuilder(48).append("S-").append(chunk[offset] & 0xff).append('-');
        if (authority < 1L << 32) {
            text.append(authority);
        } else {
            // MS-DTYP writes an authority of 2^32 or more in hexadecimal.
            text.append(String.format("0x%012X", authority));
        }
        for (int at = offset + SID_HEADER_SIZE; at < offset + length; at += 4) {
            text.append('-').append(LittleEndian.u32(chunk, at));
        }
        return text.toString();
    }
}
