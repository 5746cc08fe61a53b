package dev.quarry.evtx.binxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.quarry.evtx.ValueStyle;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/**
 * Formatting of every BinXML value type. Where a sample file contains the type, the expected text
 * is what evtxexport 20181227 printed for it; the others follow the layout in MS-EVEN6.
 */
class ValueFormatterTest {

    private static byte[] hex(String text) {
        return HexFormat.of().parseHex(text.replace(" ", ""));
    }

    private static String format(int type, String text) {
        byte[] bytes = hex(text);
        return ValueFormatter.format(bytes, type, 0, bytes.length);
    }

    @Test
    void nullTypeHasNoText() {
        assertThat(format(ValueType.NULL, "")).isNull();
    }

    @Test
    void stringDropsTrailingEndOfStringCharacters() {
        byte[] bytes = "Security\0".getBytes(StandardCharsets.UTF_16LE);
        assertThat(ValueFormatter.format(bytes, ValueType.STRING, 0, bytes.length)).isEqualTo("Security");
    }

    @Test
    void stringWithLoneSurrogateGetsReplacementCharacter() {
        assertThat(format(ValueType.STRING, "4100 00d8 4200")).isEqualTo("A\uFFFDB");
    }

    @Test
    void stringKeepsSurrogatePairs() {
        assertThat(format(ValueType.STRING, "3dd8 00de")).isEqualTo("\uD83D\uDE00");
    }

    @Test
    void ansiStringUsesWindows1252() {
        assertThat(format(ValueType.ANSI_STRING, "416380 00")).isEqualTo("Ac\u20ac");
    }

    @Test
    void signedIntegersAreDecimal() {
        assertThat(format(ValueType.INT8, "ff")).isEqualTo("-1");
        assertThat(format(ValueType.INT16, "0080")).isEqualTo("-32768");
        assertThat(format(ValueType.INT32, "5f800480")).isEqualTo("-2147188641");
        assertThat(format(ValueType.INT64, "ffffffffffffffff")).isEqualTo("-1");
    }

    @Test
    void unsignedIntegersAreDecimal() {
        assertThat(format(ValueType.UINT8, "ff")).isEqualTo("255");
        assertThat(format(ValueType.UINT16, "ffff")).isEqualTo("65535");
        assertThat(format(ValueType.UINT32, "ffffffff")).isEqualTo("4294967295");
        assertThat(format(ValueType.UINT64, "ffffffffffffffff")).isEqualTo("18446744073709551615");
    }

    @Test
    void realsUseShortestDecimal() {
        assertThat(format(ValueType.REAL32, "0000c03f")).isEqualTo("1.5");
        assertThat(format(ValueType.REAL64, "000000000000f8bf")).isEqualTo("-1.5");
    }

    @Test
    void boolIsTrueForAnyNonZeroValue() {
        assertThat(format(ValueType.BOOL, "00000000")).isEqualTo("false");
        assertThat(format(ValueType.BOOL, "01000000")).isEqualTo("true");
        assertThat(format(ValueType.BOOL, "02000000")).isEqualTo("true");
    }

    @Test
    void binaryIsUppercaseHex() {
        // evtxexport prints <Binary>D9060000</Binary> for record 428 of application-no-crc32.evtx.
        assertThat(format(ValueType.BINARY, "d9060000")).isEqualTo("D9060000");
    }

    @Test
    void guidIsUppercaseInBraces() {
        assertThat(format(ValueType.GUID, "2596845478549449a5ba3e3b0328c30d"))
                .isEqualTo("{54849625-5478-4994-A5BA-3E3B0328C30D}");
    }

    @Test
    void sizeTIsDecimalLikeEvtxexport() {
        assertThat(format(ValueType.SIZE_T, "4c020000")).isEqualTo("588");
        assertThat(format(ValueType.SIZE_T, "0003000000000000")).isEqualTo("768");
    }

    @Test
    void filetimeHasNineFractionDigits() {
        assertThat(format(ValueType.FILETIME, "ee93dfe0b7c5d701")).isEqualTo("2021-10-20T13:39:17.315479800Z");
        assertThat(format(ValueType.FILETIME, "0000000000000000")).isEqualTo("1601-01-01T00:00:00.000000000Z");
    }

    @Test
    void systemtimeHasMilliseconds() {
        // year 2017, month 2, weekday 5, day 3, 20:08:47.908
        assertThat(format(ValueType.SYSTEMTIME, "e107 0200 0500 0300 1400 0800 2f00 8c03"))
                .isEqualTo("2017-02-03T20:08:47.908Z");
    }

    @Test
    void sidHasRevisionAuthorityAndSubAuthorities() {
        assertThat(format(ValueType.SID, "0101000000000005 12000000")).isEqualTo("S-1-5-18");
    }

    @Test
    void sidIgnoresBytesPastItsSubAuthorities() {
        assertThat(format(ValueType.SID, "0000000000000000 00000000")).isEqualTo("S-0-0");
    }

    @Test
    void sidShorterThanDeclaredIsRejected() {
        assertThatThrownBy(() -> format(ValueType.SID, "0102000000000005 12000000"))
                .isInstanceOf(BinXmlException.class)
                .hasMessageContaining("needs 16 bytes");
    }

    @Test
    void hexIntegersAreFixedWidthLowercase() {
        assertThat(format(ValueType.HEX_INT32, "4c020000")).isEqualTo("0x0000024c");
        assertThat(format(ValueType.HEX_INT64, "5fc6f40100000000")).isEqualTo("0x0000000001f4c65f");
    }

    @Test
    void windowsStyleDropsLeadingZeros() {
        assertThat(ValueFormatter.styled(format(ValueType.HEX_INT32, "4c020000"), ValueType.HEX_INT32,
                ValueStyle.WINDOWS)).isEqualTo("0x24c");
        assertThat(ValueFormatter.styled(format(ValueType.HEX_INT64, "0000000000000000"), ValueType.HEX_INT64,
                ValueStyle.WINDOWS)).isEqualTo("0x0");
        assertThat(ValueFormatter.styled(format(ValueType.HEX_INT64, "ffffffffffffffff"), ValueType.HEX_INT64,
                ValueStyle.WINDOWS)).isEqualTo("0xffffffffffffffff");
        assertThat(ValueFormatter.styled("4", ValueType.SIZE_T, ValueStyle.WINDOWS)).isEqualTo("0x4");
        assertThat(ValueFormatter.styled("0x0000024c", ValueType.HEX_INT32, ValueStyle.LIBEVTX))
                .isEqualTo("0x0000024c");
        assertThat(ValueFormatter.styled("x", ValueType.STRING, ValueStyle.WINDOWS)).isEqualTo("x");
    }

    @Test
    void handleAndEvtXmlAreUppercaseHex() {
        assertThat(format(ValueType.EVT_HANDLE, "0a0b")).isEqualTo("0A0B");
        assertThat(format(ValueType.EVT_XML, "3c00")).isEqualTo("3C00");
    }

    @Test
    void fixedSizeValueOfWrongSizeIsRejected() {
        assertThatThrownBy(() -> format(ValueType.UINT32, "0102"))
                .isInstanceOf(BinXmlException.class)
                .hasMessageContaining("expected 4");
    }

    @Test
    void unknownTypeIsRejected() {
        assertThatThrownBy(() -> format(0x30, "00"))
                .isInstanceOf(BinXmlException.class)
                .hasMessageContaining("unknown value type 0x30");
    }

    @Test
    void stringArraySplitsAtEndOfStringCharacters() {
        byte[] bytes = "one\0two\0".getBytes(StandardCharsets.UTF_16LE);
        assertThat(ValueFormatter.formatArray(bytes, 0x81, 0, bytes.length)).containsExactly("one", "two");
    }

    @Test
    void ansiStringArraySplitsAtZeroBytes() {
        byte[] bytes = "a\0bc\0".getBytes(StandardCharsets.ISO_8859_1);
        assertThat(ValueFormatter.formatArray(bytes, 0x82, 0, bytes.length)).containsExactly("a", "bc");
    }

    @Test
    void fixedSizeArraysSplitIntoItems() {
        byte[] bytes = hex("01000200");
        assertThat(ValueFormatter.formatArray(bytes, 0x86, 0, 4)).containsExactly("1", "2");
        assertThat(ValueFormatter.formatArray(bytes, 0x94, 0, 4)).containsExactly("0x00020001");
    }

    @Test
    void sidArrayReadsSidsOfEachLength() {
        byte[] bytes = hex("0101000000000005 12000000 0102000000000005 20000000 20020000");
        assertThat(ValueFormatter.formatArray(bytes, 0x93, 0, bytes.length))
                .containsExactly("S-1-5-18", "S-1-5-32-544");
    }

    @Test
    void arrayOfPartialItemIsRejected() {
        assertThatThrownBy(() -> ValueFormatter.formatArray(new byte[6], 0x88, 0, 6))
                .isInstanceOf(BinXmlException.class)
                .hasMessageContaining("multiple of 4");
    }
}
