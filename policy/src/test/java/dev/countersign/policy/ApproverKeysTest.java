package dev.countersign.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ApproverKeysTest {
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final String PGP = """
            -----BEGIN PGP PUBLIC KEY BLOCK-----

            mDMEZ0000BYJKwYBBAHaRw8BAQdA
            -----END PGP PUBLIC KEY BLOCK-----""";

    /** A public key line of a type, with fresh random key bytes after the type (the policy checks the shape). */
    static String keyLine(String lineType, String blobType, String comment) {
        ByteArrayOutputStream blob = new ByteArrayOutputStream();
        byte[] type = blobType.getBytes(StandardCharsets.US_ASCII);
        blob.writeBytes(ByteBuffer.allocate(4).putInt(type.length).array());
        blob.writeBytes(type);
        byte[] key = new byte[36];
        RANDOM.nextBytes(key);
        blob.writeBytes(key);
        return lineType + " " + Base64.getEncoder().encodeToString(blob.toByteArray()) + " " + comment;
    }

    static String policy(String approverKeys, String staging) {
        return """
                apiVersion: countersign.dev/v1
                kind: Policy
                metadata: {name: acme}
                spec:
                  roles:
                    approver: [read, approve, record]
                  bindings:
                    - {principal: "human:ines", roles: [approver], environments: ["*"]}
                  environments:
                    staging: %s
                  approverKeys:
                %s""".formatted(staging, approverKeys.indent(4));
    }

    private static Policy parse(String approverKeys) {
        return Policy.parse(policy(approverKeys, "{approvals: {required: 1, signed: true}}"));
    }

    @Nested
    class Reading {
        @ParameterizedTest
        @ValueSource(
                strings = {
                    "ssh-ed25519",
                    "ecdsa-sha2-nistp256",
                    "ssh-rsa",
                    "sk-ssh-ed25519@openssh.com",
                    "sk-ecdsa-sha2-nistp256@openssh.com"
                })
        void readsEveryOpenSshKeyKindByCanonicalPrincipal(String type) {
            String line = keyLine(type, type, "ines@laptop");
            Policy policy = parse("\"human:ines\": [\"" + line + "\"]");

            assertThat(policy.approverKeys(Principal.parse("human:Ines")))
                    .containsExactly(new ApproverKey(ApproverKey.Format.OPENSSH, line));
            assertThat(policy.approverKeys(Principal.human("other"))).isEmpty();
        }

        @Test
        void keepsAnRsaSha2LineAsTheKeysOwnType() {
            String line = keyLine("rsa-sha2-512", "ssh-rsa", "ines");

            assertThat(parse("\"human:ines\": [\"" + line + "\"]")
                            .approverKeys(Principal.human("ines"))
                            .get(0)
                            .text())
                    .startsWith("ssh-rsa ");
        }

        @Test
        void readsArmoredOpenPgpKeys() {
            Policy policy = parse("\"human:ines\":\n  - |\n" + PGP.indent(4));

            assertThat(policy.approverKeys(Principal.human("ines")))
                    .singleElement()
                    .extracting(ApproverKey::format)
                    .isEqualTo(ApproverKey.Format.OPENPGP);
        }

        @Test
        void readsWhichEnvironmentsRequireSignedApprovals() {
            Policy policy = parse("{}");

            assertThat(policy.signedApprovals("staging")).isTrue();
            assertThat(policy.signedApprovals("dev")).isFalse();
            assertThat(policy.approvals("staging")).isEqualTo(new ApprovalRule(1, java.util.Set.of("approver"), true));
        }

        @Test
        void theKeysArePartOfThePolicyHashSoChangingThemIsAPolicyChange() {
            String a = keyLine("ssh-ed25519", "ssh-ed25519", "i");
            String b = keyLine("ssh-ed25519", "ssh-ed25519", "i");

            assertThat(parse("\"human:ines\": [\"" + a + "\"]").hash())
                    .isNotEqualTo(parse("\"human:ines\": [\"" + b + "\"]").hash());
        }
    }

    @Nested
    class Refusing {
        @Test
        void anAgentWithKeys() {
            assertThatThrownBy(() -> parse("\"agent:forge\": [\"" + keyLine("ssh-ed25519", "ssh-ed25519", "f") + "\"]"))
                    .isInstanceOf(InvalidApproverKeyException.class)
                    .hasMessageContaining("only humans approve")
                    .extracting(e -> ((InvalidApproverKeyException) e).principal())
                    .isEqualTo("agent:forge");
        }

        @Test
        void oneKeyRegisteredForTwoPeople() {
            String shared = keyLine("ssh-ed25519", "ssh-ed25519", "shared");
            String keys = "\"human:ines\": [\"" + shared + "\"]\n\"human:bob\": [\"" + shared + "\"]";

            assertThatThrownBy(() -> parse(keys))
                    .isInstanceOf(InvalidApproverKeyException.class)
                    .hasMessageContaining("registered for human:ines");
        }

        @Test
        void twoSpellingsOfOnePrincipal() {
            String keys = "\"human:ines\": [\"" + keyLine("ssh-ed25519", "ssh-ed25519", "a")
                    + "\"]\n\"human:INES\": [\"" + keyLine("ssh-ed25519", "ssh-ed25519", "b") + "\"]";

            assertThatThrownBy(() -> parse(keys)).isInstanceOf(PrincipalCollisionException.class);
        }

        @Test
        void aPrivateKeyWithoutQuotingIt() {
            String secret =
                    "-----BEGIN OPENSSH PRIVATE KEY-----\n  b3BlbnNzaC1rZXktdjEAAAAAsecretsecret\n  -----END OPENSSH PRIVATE KEY-----";

            assertThatThrownBy(() -> parse("\"human:ines\":\n  - |\n    " + secret.replace("\n  ", "\n    ")))
                    .isInstanceOf(InvalidApproverKeyException.class)
                    .hasMessageContaining("private key")
                    .hasMessageNotContaining("secretsecret");
        }

        @ParameterizedTest
        @ValueSource(strings = {"ssh-dss", "ssh-ed448", "x509v3-sign-rsa"})
        void unsupportedKeyTypes(String type) {
            assertThatThrownBy(() -> parse("\"human:ines\": [\"" + keyLine(type, type, "i") + "\"]"))
                    .isInstanceOf(InvalidApproverKeyException.class)
                    .hasMessageContaining("unsupported key type");
        }

        @Test
        void aLineWhoseKeyIsOfAnotherType() {
            assertThatThrownBy(() -> parse("\"human:ines\": [\"" + keyLine("ssh-ed25519", "ssh-rsa", "i") + "\"]"))
                    .isInstanceOf(InvalidApproverKeyException.class)
                    .hasMessageContaining("another type");
        }

        @Test
        void brokenBase64AndEmptyLists() {
            assertThatThrownBy(() -> parse("\"human:ines\": [\"ssh-ed25519 not*base64\"]"))
                    .isInstanceOf(InvalidApproverKeyException.class);
            assertThatThrownBy(() -> parse("\"human:ines\": []"))
                    .isInstanceOf(InvalidApproverKeyException.class)
                    .hasMessageContaining("lists no key");
        }

        @Test
        void aSignedFlagThatIsNotABoolean() {
            assertThatThrownBy(() -> Policy.parse(policy("{}", "{approvals: {required: 1, signed: \"yes\"}}")))
                    .isInstanceOf(InvalidPolicyException.class)
                    .hasMessageContaining("spec.environments.staging.approvals.signed")
                    .hasMessageContaining("true or false");
        }
    }
}
