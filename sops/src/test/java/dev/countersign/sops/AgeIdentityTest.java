package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.security.SecureRandom;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AgeIdentityTest {
    private static final String SOPS_AGE_RECIPIENT = "age1je6kjhzuhdjy3fqptpttxjh5k8q46vygzlgtpuq3030c947pc5tqz9dqvr";

    private final SecureRandom random = new SecureRandom();

    @Nested
    class Parsing {
        @Test
        void derivesTheRecipientAgeKeygenPrinted() {
            AgeIdentity identity =
                    AgeIdentities.read(Vectors.file("sops-age/key.txt")).get(0);

            assertThat(identity.recipient()).isEqualTo(SOPS_AGE_RECIPIENT);
        }

        @Test
        void roundTripsTheSecretKeyText() {
            AgeIdentity generated = AgeIdentity.generate(random);

            AgeIdentity parsed = AgeIdentity.parse(generated.revealSecretKey());

            assertThat(parsed).isEqualTo(generated).hasSameHashCodeAs(generated);
            assertThat(parsed.revealSecretKey()).isEqualTo(generated.revealSecretKey());
            assertThat(generated.revealSecretKey())
                    .startsWith("AGE-SECRET-KEY-1")
                    .isUpperCase();
        }

        @Test
        void rejectsABrokenChecksumWithoutEchoingTheKey() {
            String secret = AgeIdentity.generate(random).revealSecretKey();
            String broken = secret.substring(0, secret.length() - 1) + (secret.endsWith("Q") ? "P" : "Q");

            assertThatThrownBy(() -> AgeIdentity.parse(broken))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("bech32")
                    .hasMessageNotContaining(broken.substring(16, 40));
        }

        @Test
        void rejectsPluginAndPostQuantumIdentitiesNamingTheRule() {
            assertThatThrownBy(() -> AgeIdentity.parse("AGE-PLUGIN-YUBIKEY-1QQQ"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("only X25519");
            assertThatThrownBy(() -> AgeIdentity.parse("AGE-SECRET-KEY-PQ-1QQQ"))
                    .isInstanceOf(MalformedKeyException.class)
                    .hasMessageContaining("only X25519");
        }

        @Test
        void rejectsARecipientGivenAsIdentity() {
            assertThatThrownBy(() -> AgeIdentity.parse(SOPS_AGE_RECIPIENT)).isInstanceOf(MalformedKeyException.class);
        }
    }

    @Nested
    class Generating {
        @Test
        void makesDistinctKeys() {
            assertThat(AgeIdentity.generate(random)).isNotEqualTo(AgeIdentity.generate(random));
        }

        @Test
        void makesAValidRecipient() {
            String recipient = AgeIdentity.generate(random).recipient();

            assertThat(recipient).startsWith("age1").hasSize(62);
        }
    }

    @Test
    void toStringShowsTheRecipientButNotTheSecret() {
        AgeIdentity identity = AgeIdentity.generate(random);

        assertThat(identity.toString())
                .contains(identity.recipient())
                .contains("redacted")
                .doesNotContain(identity.revealSecretKey())
                .doesNotContain(identity.revealSecretKey().substring(16));
    }
}
