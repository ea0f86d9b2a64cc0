package dev.countersign.signatures.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.SignatureFormatException;
import java.math.BigInteger;
import org.junit.jupiter.api.Test;

class WireReaderTest {

    @Test
    void readsWhatTheWriterWrote() {
        byte[] bytes = new WireWriter()
                .writeByte(7)
                .writeUint32(0xfffffffeL)
                .writeText("héllo")
                .writeMpint(BigInteger.valueOf(-129))
                .writeMpint(BigInteger.ZERO)
                .writeMpint(new BigInteger("ff", 16))
                .toByteArray();
        WireReader reader = new WireReader(bytes, "test");

        assertThat(reader.readByte()).isEqualTo(7);
        assertThat(reader.readUint32()).isEqualTo(0xfffffffeL);
        assertThat(reader.readText()).isEqualTo("héllo");
        assertThat(reader.readMpint()).isEqualTo(BigInteger.valueOf(-129));
        assertThat(reader.readMpint()).isZero();
        assertThat(reader.readMpint()).isEqualTo(BigInteger.valueOf(255));
        reader.requireEnd();
    }

    @Test
    void refusesAStringLongerThanWhatRemains() {
        byte[] bytes =
                new WireWriter().writeUint32(0x7fffffff).writeRaw(new byte[3]).toByteArray();

        assertThatThrownBy(() -> new WireReader(bytes, "blob").readString())
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage("blob: truncated or malformed at byte 4");
    }

    @Test
    void refusesTruncatedIntegers() {
        assertThatThrownBy(() -> new WireReader(new byte[3], "blob").readUint32())
                .isInstanceOf(SignatureFormatException.class);
    }

    @Test
    void refusesTrailingBytes() {
        WireReader reader = new WireReader(new byte[] {1, 2}, "blob");
        reader.readByte();

        assertThatThrownBy(reader::requireEnd)
                .isInstanceOf(SignatureFormatException.class)
                .hasMessage("blob: 1 unexpected trailing bytes");
    }
}
