package dev.countersign.signatures.ssh;

import java.io.ByteArrayOutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;

/** Writes the SSH wire encoding (RFC 4251 section 5). Not thread-safe. */
public final class WireWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /**
     * Writes one byte.
     *
     * @param value the byte, 0 to 255
     * @return this writer
     */
    public WireWriter writeByte(int value) {
        out.write(value);
        return this;
    }

    /**
     * Writes a big-endian unsigned 32-bit integer.
     *
     * @param value the value
     * @return this writer
     */
    public WireWriter writeUint32(long value) {
        for (int shift = 24; shift >= 0; shift -= 8) {
            out.write((int) (value >>> shift) & 0xff);
        }
        return this;
    }

    /**
     * Writes raw bytes without a length.
     *
     * @param bytes the bytes
     * @return this writer
     */
    public WireWriter writeRaw(byte[] bytes) {
        out.writeBytes(bytes);
        return this;
    }

    /**
     * Writes a length-prefixed byte string.
     *
     * @param bytes the bytes
     * @return this writer
     */
    public WireWriter writeString(byte[] bytes) {
        return writeUint32(bytes.length).writeRaw(bytes);
    }

    /**
     * Writes a length-prefixed UTF-8 string.
     *
     * @param text the text
     * @return this writer
     */
    public WireWriter writeText(String text) {
        return writeString(text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * Writes a multiple-precision integer in two's complement, minimal length.
     *
     * @param value the value
     * @return this writer
     */
    public WireWriter writeMpint(BigInteger value) {
        return writeString(value.signum() == 0 ? new byte[0] : value.toByteArray());
    }

    /**
     * The bytes written so far.
     *
     * @return a copy of the bytes
     */
    public byte[] toByteArray() {
        return out.toByteArray();
    }
}
