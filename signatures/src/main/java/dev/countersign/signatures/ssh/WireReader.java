package dev.countersign.signatures.ssh;

import dev.countersign.signatures.SignatureFormatException;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/** Reads the SSH wire encoding (RFC 4251 section 5) from a byte array, refusing truncated input. */
public final class WireReader {
    private final byte[] data;
    private final String what;
    private int position;

    /**
     * Creates a reader over {@code data}.
     *
     * @param data the encoded bytes, not copied
     * @param what what the bytes are, for error messages
     */
    public WireReader(byte[] data, String what) {
        this.data = data;
        this.what = what;
    }

    /**
     * Reads one byte.
     *
     * @return the byte, 0 to 255
     */
    public int readByte() {
        require(1);
        return data[position++] & 0xff;
    }

    /**
     * Reads a big-endian unsigned 32-bit integer.
     *
     * @return the value
     */
    public long readUint32() {
        require(4);
        long value = 0;
        for (int i = 0; i < 4; i++) {
            value = (value << 8) | (data[position++] & 0xff);
        }
        return value;
    }

    /**
     * Reads {@code count} raw bytes.
     *
     * @param count how many bytes
     * @return a copy of the bytes
     */
    public byte[] readBytes(int count) {
        require(count);
        byte[] bytes = Arrays.copyOfRange(data, position, position + count);
        position += count;
        return bytes;
    }

    /**
     * Reads a length-prefixed byte string.
     *
     * @return the string's bytes
     */
    public byte[] readString() {
        long length = readUint32();
        if (length > data.length - position) {
            throw malformed();
        }
        return readBytes((int) length);
    }

    /**
     * Reads a length-prefixed UTF-8 string.
     *
     * @return the text
     */
    public String readText() {
        return new String(readString(), StandardCharsets.UTF_8);
    }

    /**
     * Reads a multiple-precision integer in two's complement.
     *
     * @return the value
     */
    public BigInteger readMpint() {
        byte[] bytes = readString();
        return bytes.length == 0 ? BigInteger.ZERO : new BigInteger(bytes);
    }

    /**
     * Whether unread bytes remain.
     *
     * @return true when bytes remain
     */
    public boolean hasRemaining() {
        return position < data.length;
    }

    /**
     * Fails unless every byte has been read.
     *
     * @throws SignatureFormatException when bytes remain
     */
    public void requireEnd() {
        if (hasRemaining()) {
            throw new SignatureFormatException(what + ": " + (data.length - position) + " unexpected trailing bytes");
        }
    }

    private void require(int count) {
        if (count < 0 || count > data.length - position) {
            throw malformed();
        }
    }

    private SignatureFormatException malformed() {
        return new SignatureFormatException(what + ": truncated or malformed at byte " + position);
    }
}
