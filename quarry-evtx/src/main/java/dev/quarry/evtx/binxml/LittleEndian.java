package dev.quarry.evtx.binxml;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Little-endian reads from a byte array. EVTX stores every integer little-endian (MS-EVEN6).
 * Callers check bounds first, so an index out of range here is a bug, not damaged input.
 */
public final class LittleEndian {
    private static final VarHandle SHORT =
            MethodHandles.byteArrayViewVarHandle(short[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle INT =
            MethodHandles.byteArrayViewVarHandle(int[].class, ByteOrder.LITTLE_ENDIAN);
    private static final VarHandle LONG =
            MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);

    private LittleEndian() {
    }

    public static int u8(byte[] bytes, int offset) {
        return bytes[offset] & 0xff;
    }

    public static int u16(byte[] bytes, int offset) {
        return (short) SHORT.get(bytes, offset) & 0xffff;
    }

    public static short i16(byte[] bytes, int offset) {
        return (short) SHORT.get(bytes, offset);
    }

    public static int i32(byte[] bytes, int offset) {
        return (int) INT.get(bytes, offset);
    }

    public static long u32(byte[] bytes, int offset) {
        return Integer.toUnsignedLong((int) INT.get(bytes, offset));
    }

    public static long i64(byte[] bytes, int offset) {
        return (long) LONG.get(bytes, offset);
    }
}
