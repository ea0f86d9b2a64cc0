package dev.countersign.signatures;

import static dev.countersign.signatures.SshSignature.COUNTERSIGN_NAMESPACE;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Interop both ways with the real {@code ssh-keygen -Y sign} and {@code -Y verify}. */
class SshKeygenInteropIT {
    static final byte[] STATEMENT =
            "proposal p-d237f19c1f9a\nrevision 1\nenvironment staging\n".getBytes(StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    Path message() throws IOException {
        return Files.write(dir.resolve("statement.txt"), STATEMENT);
    }

    @Nested
    class WeSignSshKeygenVerifies {
        @ParameterizedTest
        @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
        void withAnUnencryptedKeyFile(String type) throws IOException {
            Path key = SshTools.keygen(dir, "id_" + type, type, "");
            SshSigner signer = SshSigner.fromPrivateKeyFile(key, new char[0]);
            Path signature = Files.writeString(
                    dir.resolve("statement.sig"),
                    signer.sign(STATEMENT, COUNTERSIGN_NAMESPACE).armored());

            SshTools.Result result =
                    SshTools.verify(dir, SshTools.publicKey(key), COUNTERSIGN_NAMESPACE, message(), signature);

            assertThat(signer.publicKey()).isEqualTo(SshTools.publicKey(key));
            assertThat(result.exitCode()).as(result.output()).isZero();
            assertThat(result.output()).contains("Good \"countersign\" signature for approver@example.org");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
        void withAPassphraseProtectedKeyFile(String type) throws IOException {
            Path key = SshTools.keygen(dir, "id_" + type, type, "correct horse");
            SshSigner signer = SshSigner.fromPrivateKeyFile(key, "correct horse".toCharArray());
            Path signature = Files.writeString(
                    dir.resolve("statement.sig"),
                    signer.sign(STATEMENT, COUNTERSIGN_NAMESPACE).armored());

            SshTools.Result result =
                    SshTools.verify(dir, SshTools.publicKey(key), COUNTERSIGN_NAMESPACE, message(), signature);

            assertThat(result.exitCode()).as(result.output()).isZero();
        }

        @Test
        void butNotInAnotherNamespace() throws IOException {
            Path key = SshTools.keygen(dir, "id_ed25519", "ed25519", "");
            SshSigner signer = SshSigner.fromPrivateKeyFile(key, new char[0]);
            Path signature = Files.writeString(
                    dir.resolve("statement.sig"), signer.sign(STATEMENT, "git").armored());

            SshTools.Result result =
                    SshTools.verify(dir, signer.publicKey(), COUNTERSIGN_NAMESPACE, message(), signature);

            assertThat(result.exitCode()).as(result.output()).isNotZero();
        }

        @Test
        void norAChangedMessage() throws IOException {
            Path key = SshTools.keygen(dir, "id_ed25519", "ed25519", "");
            SshSigner signer = SshSigner.fromPrivateKeyFile(key, new char[0]);
            Path signature = Files.writeString(
                    dir.resolve("statement.sig"),
                    signer.sign(STATEMENT, COUNTERSIGN_NAMESPACE).armored());
            Path changed = Files.writeString(dir.resolve("changed.txt"), "proposal p-other\n");

            SshTools.Result result =
                    SshTools.verify(dir, signer.publicKey(), COUNTERSIGN_NAMESPACE, changed, signature);

            assertThat(result.exitCode()).as(result.output()).isNotZero();
        }
    }

    @Nested
    class SshKeygenSignsWeVerify {
        @ParameterizedTest
        @ValueSource(strings = {"ed25519", "ecdsa", "rsa"})
        void inTheCountersignNamespace(String type) throws IOException {
            Path key = SshTools.keygen(dir, "id_" + type, type, "");
            SshTools.ok(
                    dir,
                    "ssh-keygen",
                    "-Y",
                    "sign",
                    "-n",
                    COUNTERSIGN_NAMESPACE,
                    "-f",
                    key.toString(),
                    message().toString());
            SshSignature signature = SshSignature.parse(Files.readString(dir.resolve("statement.txt.sig")));
            SshPublicKey allowed = SshTools.publicKey(key);

            assertThat(signature.verify(STATEMENT, COUNTERSIGN_NAMESPACE, List.of(allowed)))
                    .isEqualTo(allowed)
                    .extracting(SshPublicKey::comment)
                    .isEqualTo("id_" + type + "@test");
        }

        @Test
        void refusingAnotherNamespace() throws IOException {
            Path key = SshTools.keygen(dir, "id_ed25519", "ed25519", "");
            SshTools.ok(
                    dir,
                    "ssh-keygen",
                    "-Y",
                    "sign",
                    "-n",
                    "file",
                    "-f",
                    key.toString(),
                    message().toString());
            SshSignature signature = SshSignature.parse(Files.readString(dir.resolve("statement.txt.sig")));

            assertThatThrownBy(
                            () -> signature.verify(STATEMENT, COUNTERSIGN_NAMESPACE, List.of(SshTools.publicKey(key))))
                    .isInstanceOf(WrongNamespaceException.class);
        }

        @Test
        void refusingAKeyThatIsNotRegistered() throws IOException {
            Path key = SshTools.keygen(dir, "id_ed25519", "ed25519", "");
            Path registered = SshTools.keygen(dir, "id_registered", "ed25519", "");
            SshTools.ok(
                    dir,
                    "ssh-keygen",
                    "-Y",
                    "sign",
                    "-n",
                    COUNTERSIGN_NAMESPACE,
                    "-f",
                    key.toString(),
                    message().toString());
            SshSignature signature = SshSignature.parse(Files.readString(dir.resolve("statement.txt.sig")));

            assertThatThrownBy(() ->
                            signature.verify(STATEMENT, COUNTERSIGN_NAMESPACE, List.of(SshTools.publicKey(registered))))
                    .isInstanceOf(UnknownSignerException.class);
        }
    }

    @Test
    void theDocsExampleRuns() throws IOException {
        SshTools.keygen(dir, "id_ed25519", "ed25519", "");
        byte[] statement = STATEMENT;
        char[] passphrase = new char[0];
        Path keyFile = dir.resolve("id_ed25519");

        // docs/signatures.md, "From Java"
        SshPublicKey ines = SshPublicKey.parse(Files.readString(Path.of(keyFile + ".pub")));
        SshSigner signer = SshSigner.fromPrivateKeyFile(keyFile, passphrase);
        String armored =
                signer.sign(statement, SshSignature.COUNTERSIGN_NAMESPACE).armored();
        SshPublicKey who =
                SshSignature.parse(armored).verify(statement, SshSignature.COUNTERSIGN_NAMESPACE, List.of(ines));

        assertThat(who).isEqualTo(ines);
    }

    @Nested
    class KeyFiles {
        @Test
        void fingerprintsMatchSshKeygen() {
            for (String type : List.of("ed25519", "ecdsa", "rsa")) {
                Path key = SshTools.keygen(dir, "fp_" + type, type, "");
                String printed = SshTools.ok(dir, "ssh-keygen", "-l", "-E", "sha256", "-f", key + ".pub");

                assertThat(printed).contains(SshTools.publicKey(key).fingerprint() + " ");
            }
        }

        @Test
        void refuseAWrongPassphraseWithoutEchoingIt() {
            Path key = SshTools.keygen(dir, "id_ed25519", "ed25519", "correct horse");

            assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(key, "battery staple".toCharArray()))
                    .isInstanceOf(WrongPassphraseException.class)
                    .satisfies(e ->
                            assertThat(e.getMessage()).doesNotContain("battery").doesNotContain("horse"));
            assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(key, new char[0]))
                    .isInstanceOf(WrongPassphraseException.class)
                    .hasMessageContaining("no passphrase");
        }

        @Test
        void ecdsaOn384And521AndMoreBcryptRounds() throws IOException {
            for (String bits : List.of("384", "521")) {
                SshTools.ok(
                        dir,
                        "ssh-keygen",
                        "-q",
                        "-t",
                        "ecdsa",
                        "-b",
                        bits,
                        "-a",
                        "32",
                        "-N",
                        "pw",
                        "-f",
                        "id_ecdsa" + bits);
                Path key = dir.resolve("id_ecdsa" + bits);
                SshSigner signer = SshSigner.fromPrivateKeyFile(key, "pw".toCharArray());
                Path signature = Files.writeString(
                        dir.resolve("p" + bits + ".sig"),
                        signer.sign(STATEMENT, COUNTERSIGN_NAMESPACE).armored());

                assertThat(signer.publicKey().type()).isEqualTo("ecdsa-sha2-nistp" + bits);
                assertThat(SshTools.verify(dir, signer.publicKey(), COUNTERSIGN_NAMESPACE, message(), signature)
                                .exitCode())
                        .isZero();
            }
        }

        @Test
        void refuseAPublicKeyFileOrAPemKeyAsAPrivateKey() {
            Path key = SshTools.keygen(dir, "id_ed25519", "ed25519", "");
            SshTools.ok(dir, "ssh-keygen", "-q", "-t", "rsa", "-m", "PEM", "-N", "", "-f", "id_pem");

            assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(Path.of(key + ".pub"), new char[0]))
                    .isInstanceOf(SignatureFormatException.class);
            assertThatThrownBy(() -> SshSigner.fromPrivateKeyFile(dir.resolve("id_pem"), new char[0]))
                    .isInstanceOf(SignatureFormatException.class)
                    .hasMessageContaining("OPENSSH PRIVATE KEY");
        }
    }
}
