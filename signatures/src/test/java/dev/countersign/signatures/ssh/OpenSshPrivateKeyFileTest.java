package dev.countersign.signatures.ssh;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.SignatureFormatException;
import dev.countersign.signatures.UnsupportedKeyTypeException;
import dev.countersign.signatures.WrongPassphraseException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.bouncycastle.crypto.params.Ed25519PrivateKeyParameters;
import org.junit.jupiter.api.Test;

/** Hand-built {@code openssh-key-v1} files: what ssh-keygen writes is covered by SshKeygenInteropIT. */
class OpenSshPrivateKeyFileTest {
    static final byte[] DATA = "data".getBytes(StandardCharsets.UTF_8);
    final Ed25519PrivateKeyParameters key = new Ed25519PrivateKeyParameters(new SecureRandom());
    final byte[] publicKey = key.generatePublicKey().getEncoded();
    final byte[] publicBlob =
            new WireWriter().writeText("ssh-ed25519").writeString(publicKey).toByteArray();

    byte[] section(long check1, long check2, String type) {
        byte[] secret = new byte[64];
        System.arraycopy(key.getEncoded(), 0, secret, 0, 32);
        System.arraycopy(publicKey, 0, secret, 32, 32);
        return new WireWriter()
                .writeUint32(check1)
                .writeUint32(check2)
                .writeText(type)
                .writeString(publicKey)
                .writeString(secret)
                .writeText("comment")
                .writeRaw(new byte[] {1, 2, 3})
                .toByteArray();
    }

    static String file(String cipher, String kdf, byte[] kdfOptions, byte[] publicBlob, byte[] section) {
        byte[] body = new WireWriter()
                .writeRaw(OpenSshPrivateKeyFile.MAGIC)
                .writeText(cipher)
                .writeText(kdf)
                .writeString(kdfOptions)
                .writeUint32(1)
                .writeString(publicBlob)
                .writeString(section)
                .toByteArray();
        return OpenSshPrivateKeyFile.BEGIN + "\n" + Base64.getMimeEncoder().encodeToString(body) + "\n"
                + OpenSshPrivateKeyFile.END + "\n";
    }

    @Test
    void readsAnUnencryptedEd25519Key() {
        SoftwareSigningKey read = OpenSshPrivateKeyFile.read(
                file("none", "none", new byte[0], publicBlob, section(7, 7, "ssh-ed25519")), new char[0]);

        assertThat(read.publicKeyBlob()).isEqualTo(publicBlob);
        VerifyingKey.decode(publicBlob).verify(DATA, read.sign(DATA));
    }

    @Test
    void refusesDifferingCheckIntegersInAnUnencryptedFile() {
        String text = file("none", "none", new byte[0], publicBlob, section(7, 8, "ssh-ed25519"));

        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(text, new char[0]))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("check integers");
    }

    @Test
    void refusesAPrivateKeyThatDoesNotMatchThePublicKey() {
        byte[] otherBlob = new WireWriter()
                .writeText("ssh-ed25519")
                .writeString(new Ed25519PrivateKeyParameters(new SecureRandom())
                        .generatePublicKey()
                        .getEncoded())
                .toByteArray();
        String text = file("none", "none", new byte[0], otherBlob, section(7, 7, "ssh-ed25519"));

        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(text, new char[0]))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("does not match");
    }

    @Test
    void refusesSecurityKeyFilesAndUnknownCiphers() {
        String sk = file("none", "none", new byte[0], publicBlob, section(7, 7, "sk-ssh-ed25519@openssh.com"));
        byte[] options =
                new WireWriter().writeString(new byte[16]).writeUint32(16).toByteArray();
        String gcm = file("aes256-gcm@openssh.com", "bcrypt", options, publicBlob, new byte[64]);

        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(sk, new char[0]))
                .isInstanceOf(UnsupportedKeyTypeException.class)
                .hasMessageContaining("ssh-keygen -Y sign");
        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(gcm, "pw".toCharArray()))
                .isInstanceOf(UnsupportedKeyTypeException.class)
                .hasMessageContaining("aes256-gcm@openssh.com");
    }

    @Test
    void refusesAbsurdBcryptRoundsBeforeWorking() {
        byte[] options = new WireWriter()
                .writeString(new byte[16])
                .writeUint32(0xffffffffL)
                .toByteArray();
        String text = file("aes256-ctr", "bcrypt", options, publicBlob, new byte[64]);

        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(text, "pw".toCharArray()))
                .isInstanceOf(SignatureFormatException.class)
                .hasMessageContaining("rounds");
    }

    @Test
    void refusesAnEncryptedFileWithoutPassphrase() {
        byte[] options =
                new WireWriter().writeString(new byte[16]).writeUint32(16).toByteArray();
        String text = file("aes256-ctr", "bcrypt", options, publicBlob, new byte[64]);

        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(text, new char[0]))
                .isInstanceOf(WrongPassphraseException.class);
    }

    @Test
    void refusesTruncatedFiles() {
        String text = file("none", "none", new byte[0], publicBlob, section(7, 7, "ssh-ed25519"));
        String cut = text.substring(0, text.length() / 2) + "\n" + OpenSshPrivateKeyFile.END;

        assertThatThrownBy(() -> OpenSshPrivateKeyFile.read(cut, new char[0]))
                .isInstanceOf(SignatureFormatException.class);
    }
}
