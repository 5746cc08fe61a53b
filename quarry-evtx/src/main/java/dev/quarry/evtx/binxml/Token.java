package dev.quarry.evtx.binxml;

/**
 * BinXML token bytes (MS-EVEN6 section 3.1.4.7.2; libevtx format document, "Token types").
 * Tokens marked "has more" may carry flag 0x40. This decoder ignores the flag, because the
 * next token shows where a value or an attribute list ends.
 */
final class Token {
    static final int END_OF_STREAM = 0x00;
    static final int OPEN_START_ELEMENT = 0x01;
    static final int CLOSE_START_ELEMENT = 0x02;
    static final int CLOSE_EMPTY_ELEMENT = 0x03;
    static final int END_ELEMENT = 0x04;
    static final int VALUE = 0x05;
    static final int ATTRIBUTE = 0x06;
    static final int CDATA_SECTION = 0x07;
    static final int CHARACTER_REFERENCE = 0x08;
    static final int ENTITY_REFERENCE = 0x09;
    static final int PI_TARGET = 0x0a;
    static final int PI_DATA = 0x0b;
    static final int TEMPLATE_INSTANCE = 0x0c;
    static final int NORMAL_SUBSTITUTION = 0x0d;
    static final int OPTIONAL_SUBSTITUTION = 0x0e;
    static final int FRAGMENT_HEADER = 0x0f;

    /** Flag on element, value, attribute, CDATA and reference tokens. */
    static final int HAS_MORE = 0x40;

    private Token() {
    }

    /**
     * Returns the token without its "has more" flag, or -1 for a byte that is no token. Only
     * the tokens that MS-EVEN6 defines with a 0x4N form may carry the flag.
     */
    static int base(int tokenByte) {
        if ((tokenByte & HAS_MORE) == 0) {
            return tokenByte <= FRAGMENT_HEADER ? tokenByte : -1;
        }
        int base = tokenByte & ~HAS_MORE;
        return switch (base) {
            case OPEN_START_ELEMENT, VALUE, ATTRIBUTE, CDATA_SECTION, CHARACTER_REFERENCE,
                    ENTITY_REFERENCE -> base;
            default -> -1;
        };
    }
}
