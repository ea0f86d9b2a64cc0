package dev.countersign.signatures;

import static dev.countersign.signatures.SshSignature.COUNTERSIGN_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.signatures.ssh.SoftwareSigningKey;
import dev.countersign.signatures.ssh.TestKeys;
import dev.countersign.signatures.ssh.WireWriter;
import java.io.IOException;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SshSignerTest {
    static final byte[] MESSAGE = "statement".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void toStringShowsTheKeyNeverItsSecret() {
        SshSigner signer = new SshSigner(TestKeys.ed25519());

        assertThat(signer.toString())
                .isEqualTo("SshSigner[" + signer.publicKey() + "]")
                .startsWith("SshSigner[ssh-ed25519 SHA256:");
        assertThat(TestKeys.rsa().toString()).isEqualTo("SoftwareSigningKey[ssh-rsa, private key redacted]");
    }

    @Test
    void refusesGarbageAndTruncatedKeyFilesWithTypedErrors() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage"), """
                -----BEGIN OPENSSH PRIVATE KEY-----
                AAAA
                -----END OPENSSH PRIVATE KEY-----
                """);
        Path text = Files.writeString(dir.resolve("text"), "hello");

        assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(garbage, new char[0]))
                .isInstanceOf(SignatureFormatException.class);
        assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(text, new char[0]))
                .isInstanceOf(SignatureFormatException.class);
        assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(dir.resolve("missing"), new char[0]))
                .isInstanceOf(SignatureException.class)
                .hasMessageContaining("cannot read private key file");
    }

    @Test
    void refusesAnAgentThatSignsWithAnotherKey() throws Exception {
        SoftwareSigningKey listed = TestKeys.ed25519();
        SoftwareSigningKey actual = TestKeys.ed25519();
        Path socket = dir.resolve("fake-agent.sock");

        try (FakeAgent agent = new FakeAgent(socket, listed.publicKeyBlob(), actual::sign)) {
            SshSigner signer = SshSigner.fromAgent(socket, List.of(new SshSigner(listed).publicKey()));

            assertThatThrownBy(() -> signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE))
                    .isInstanceOf(BadSignatureException.class);
        }
    }

    @Test
    void refusesAnAgentThatAnswersFailure() throws Exception {
        SoftwareSigningKey listed = TestKeys.ecdsa();
        Path socket = dir.resolve("refusing-agent.sock");

        try (FakeAgent agent = new FakeAgent(socket, listed.publicKeyBlob(), null)) {
            SshSigner signer = SshSigner.fromAgent(socket, List.of(new SshSigner(listed).publicKey()));

            assertThatThrownBy(() -> signer.sign(MESSAGE, COUNTERSIGN_NAMESPACE))
                    .isInstanceOf(SshAgentException.class)
                    .hasMessage("the ssh-agent refused the request");
        }
    }

    /** An agent under the attacker's control: lists one key, signs (or refuses) as told. */
    static final class FakeAgent implements AutoCloseable {
        private final ServerSocketChannel server;
        private final CompletableFuture<Void> serving;

        FakeAgent(Path socket, byte[] listed, UnaryOperator<byte[]> signer) throws IOException {
            server = ServerSocketChannel.open(java.net.StandardProtocolFamily.UNIX);
            server.bind(UnixDomainSocketAddress.of(socket));
            serving = CompletableFuture.runAsync(() -> serve(listed, signer));
        }

        private void serve(byte[] listed, UnaryOperator<byte[]> signer) {
            for (int i = 0; i < 2; i++) {
                try (SocketChannel client = server.accept()) {
                    ByteBuffer header = ByteBuffer.allocate(4);
                    readFully(client, header);
                    ByteBuffer body = ByteBuffer.allocate(header.getInt(0));
                    readFully(client, body);
                    byte[] reply = answer(body.array(), listed, signer);
                    client.write(
                            ByteBuffer.wrap(new WireWriter().writeString(reply).toByteArray()));
                } catch (IOException e) {
                    throw new IllegalStateException(e);
                }
            }
        }

        private static byte[] answer(byte[] request, byte[] listed, UnaryOperator<byte[]> signer) {
            if (request[0] == 11) {
                return new WireWriter()
                        .writeByte(12)
                        .writeUint32(1)
                        .writeString(listed)
                        .writeText("listed")
                        .toByteArray();
            }
            if (signer == null) {
                return new byte[] {5};
            }
            dev.countersign.signatures.ssh.WireReader reader =
                    new dev.countersign.signatures.ssh.WireReader(request, "request");
            reader.readByte();
            reader.readString();
            byte[] data = reader.readString();
            return new WireWriter()
                    .writeByte(14)
                    .writeString(signer.apply(data))
                    .toByteArray();
        }

        private static void readFully(SocketChannel channel, ByteBuffer buffer) throws IOException {
            while (buffer.hasRemaining() && channel.read(buffer) >= 0) {
                // reading until the buffer is full
            }
        }

        @Override
        public void close() throws Exception {
            server.close();
            serving.get();
        }
    }
}
