package dev.quarry.evtx;

import java.nio.charset.StandardCharsets;
import java.util.function.Consumer;
import java.util.zip.CRC32;

/**
 * Writes small EVTX files token by token, for tests that need BinXML the sample files lack.
 * Offsets are chunk-relative like in real files, and names are written inline where first used.
 */
final class SyntheticEvtx {
    static final int CHUNK_SIZE = 65536;
    static final int FILE_HEADER_SIZE = 4096;

    /** Writes BinXML and record framing into one chunk. */
    static final class Chunk {
        final byte[] bytes = new byte[CHUNK_SIZE];
        int pos = 512;
        private long firstId = -1;
        private long lastId;
        private int lastRecordOffset;

        Chunk u8(int value) {
            bytes[pos++] = (byte) value;
            return this;
        }

        Chunk u16(int value) {
            u8(value);
            return u8(value >>> 8);
        }

        Chunk u32(long value) {
            u16((int) value);
            return u16((int) (value >>> 16));
        }

        Chunk u64(long value) {
            u32(value);
            return u32(value >>> 32);
        }

        Chunk utf16(String text) {
            for (byte b : text.getBytes(StandardCharsets.UTF_16LE)) {
                u8(b);
            }
            return this;
        }

        void patch32(int at, long value) {
            for (int i = 0; i < 4; i++) {
                bytes[at + i] = (byte) (value >>> (8 * i));
            }
        }

        /** Writes a name offset pointing right behind itself, then the name (inline). */
        Chunk name(String name) {
            u32(pos + 4);
            u32(0).u16(0).u16(name.length()).utf16(name).u16(0);
            return this;
        }

        Chunk fragmentHeader() {
            return u8(0x0f).u8(1).u8(1).u8(0);
        }

        Chunk openElement(String name, boolean hasAttributes) {
            u8(hasAttributes ? 0x41 : 0x01).u16(0xffff).u32(0).name(name);
            if (hasAttributes) {
                u32(0);
            }
            return this;
        }

        /** Writes an element start as BinXML substitution values store it: no dependency identifier. */
        Chunk openElementWithoutDependencyId(String name) {
            return u8(0x01).u32(0).name(name);
        }

        Chunk attribute(String name) {
            return u8(0x06).name(name);
        }

        Chunk closeStart() {
            return u8(0x02);
        }

        Chunk closeEmpty() {
            return u8(0x03);
        }

        Chunk endElement() {
            return u8(0x04);
        }

        Chunk endOfStream() {
            return u8(0x00);
        }

        Chunk value(String text) {
            return u8(0x05).u8(0x01).u16(text.length()).utf16(text);
        }

        Chunk characterReference(int character) {
            return u8(0x08).u16(character);
        }

        Chunk entityReference(String name) {
            return u8(0x09).name(name);
        }

        Chunk cdata(String text) {
            return u8(0x07).u16(text.length()).utf16(text);
        }

        Chunk processingInstruction(String target, String data) {
            u8(0x0a).name(target);
            return u8(0x0b).u16(data.length()).utf16(data);
        }

        Chunk substitution(int index, int type, boolean optional) {
            return u8(optional ? 0x0e : 0x0d).u16(index).u8(type);
        }

        /**
         * Writes a template instance with its definition inline; returns the definition's chunk
         * offset, so later instances can refer to it.
         */
        int templateInstance(Consumer<Chunk> body) {
            u8(0x0c).u8(1).u32(0x1234);
            int definitionOffset = pos + 4;
            u32(definitionOffset);
            u32(0);
            for (int i = 0; i < 16; i++) {
                u8(i);
            }
            int sizeField = pos;
            u32(0);
            int bodyStart = pos;
            body.accept(this);
            patch32(sizeField, pos - bodyStart);
            return definitionOffset;
        }

        /** Writes a template instance that refers to a definition written earlier. */
        Chunk templateReference(int definitionOffset) {
            return u8(0x0c).u8(1).u32(0x1234).u32(definitionOffset);
        }

        /** Writes the value array of a template instance: each value is a type and its bytes. */
        Chunk values(Object... typesAndBytes) {
            int count = typesAndBytes.length / 2;
            u32(count);
            for (int i = 0; i < count; i++) {
                byte[] data = (byte[]) typesAndBytes[2 * i + 1];
                u16(data.length).u8((Integer) typesAndBytes[2 * i]).u8(0);
            }
            for (int i = 0; i < count; i++) {
                for (byte b : (byte[]) typesAndBytes[2 * i + 1]) {
                    u8(b);
                }
            }
            return this;
        }

        /** Writes one record around the BinXML that {@code binXml} writes. */
        Chunk record(long id, long filetime, Consumer<Chunk> binXml) {
            int start = pos;
            u32(0x00002a2a).u32(0).u64(id).u64(filetime);
            binXml.accept(this);
            int size = pos + 4 - start;
            u32(size);
            patch32(start + 4, size);
            if (firstId < 0) {
                firstId = id;
            }
            lastId = id;
            lastRecordOffset = start;
            return this;
        }

        /** Fills in the chunk header and its checksums; returns the chunk bytes. */
        byte[] finish() {
            byte[] magic = {'E', 'l', 'f', 'C', 'h', 'n', 'k', 0};
            System.arraycopy(magic, 0, bytes, 0, 8);
            long first = Math.max(firstId, 0);
            patch64(8, first);
            patch64(16, lastId);
            patch64(24, first);
            patch64(32, lastId);
            patch32(40, 128);
            patch32(44, lastRecordOffset);
            patch32(48, pos);
            CRC32 data = new CRC32();
            data.update(bytes, 512, pos - 512);
            patch32(52, data.getValue());
            patch32(120, 1);
            CRC32 header = new CRC32();
            header.update(bytes, 0, 120);
            header.update(bytes, 128, 384);
            patch32(124, header.getValue());
            return bytes;
        }

        private void patch64(int at, long value) {
            patch32(at, value);
            patch32(at + 4, value >>> 32);
        }
    }

    private SyntheticEvtx() {
    }

    /** Returns a file: a valid header followed by the given chunks. */
    static byte[] file(byte[]... chunks) {
        byte[] file = new byte[FILE_HEADER_SIZE + chunks.length * CHUNK_SIZE];
        byte[] magic = {'E', 'l', 'f', 'F', 'i', 'l', 'e', 0};
        System.arraycopy(magic, 0, file, 0, 8);
        put32(file, 16, chunks.length - 1);
        put32(file, 32, 128);
        put16(file, 36, 1);
        put16(file, 38, 3);
        put16(file, 40, FILE_HEADER_SIZE);
        put16(file, 42, chunks.length);
        CRC32 crc = new CRC32();
        crc.update(file, 0, 120);
        put32(file, 124, crc.getValue());
        for (int i = 0; i < chunks.length; i++) {
            System.arraycopy(chunks[i], 0, file, FILE_HEADER_SIZE + i * CHUNK_SIZE, CHUNK_SIZE);
        }
        return file;
    }

    static byte[] le32(long value) {
        return new byte[] {(byte) value, (byte) (value >>> 8), (byte) (value >>> 16), (byte) (value >>> 24)};
    }

    static byte[] le64(long value) {
        byte[] bytes = new byte[8];
        for (int i = 0; i < 8; i++) {
            bytes[i] = (byte) (value >>> (8 * i));
        }
        return bytes;
    }

    static byte[] utf16(String text) {
        return text.getBytes(StandardCharsets.UTF_16LE);
    }

    private static void put16(byte[] bytes, int at, int value) {
        bytes[at] = (byte) value;
        bytes[at + 1] = (byte) (value >>> 8);
    }

    private static void put32(byte[] bytes, int at, long value) {
        for (int i = 0; i < 4; i++) {
            bytes[at + i] = (byte) (value >>> (8 * i));
        }
    }
}
