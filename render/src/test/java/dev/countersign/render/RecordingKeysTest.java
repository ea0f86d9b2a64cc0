package dev.countersign.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class RecordingKeysTest {
    private static final String ARMORED = SignedHeadsTest.keys().armoredKeys().get(0);

    @Test
    void normalisesKeyIdsToUpperCaseWithoutPrefix() {
        var keys = new RecordingKeys(List.of("0x3241169325389abc"), List.of());

        assertThat(keys.keyIds()).containsExactly("3241169325389ABC");
    }

    @Test
    void rejectsAShortKeyIdNamingItsField() {
        assertThatThrownBy(() -> new RecordingKeys(List.of("3241169325389492", "25389492"), List.of()))
                .isInstanceOfSatisfying(
                        InvalidRecordingKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("recordingKeys.keyIds[1]"))
                .hasMessageContaining("recordingKeys.keyIds[1]")
                .hasMessageContaining("'25389492'")
                .hasMessageContaining("16 hexadecimal digits");
    }

    @Test
    void quotesAtMostFortyCharactersOfALongBadValue() {
        String fingerprint = "Z".repeat(200);

        assertThatThrownBy(() -> new RecordingKeys(List.of(fingerprint), List.of()))
                .isInstanceOf(InvalidRecordingKeyException.class)
                .hasMessageContaining("'" + "Z".repeat(40) + "...'")
                .hasMessageNotContaining("Z".repeat(41));
    }

    @Test
    void refusesAPrivateKeyWithoutQuotingIt() {
        String secret =
                "-----BEGIN PGP PRIVATE KEY BLOCK-----\n\nlQVYBGSECRETMATERIAL\n-----END PGP PRIVATE KEY BLOCK-----";

        assertThatThrownBy(() -> new RecordingKeys(List.of(), List.of(ARMORED, secret)))
                .isInstanceOfSatisfying(
                        InvalidRecordingKeyException.class,
                        e -> assertThat(e.field()).isEqualTo("recordingKeys.armoredKeys[1]"))
                .hasMessageContaining("private key")
                .hasMessageNotContaining("SECRETMATERIAL");
    }

    @Test
    void rejectsTextThatIsNotAnArmoredPublicKey() {
        assertThatThrownBy(() -> new RecordingKeys(List.of(), List.of("ssh-ed25519 AAAAC3Nza")))
                .isInstanceOf(InvalidRecordingKeyException.class)
                .hasMessageContaining("recordingKeys.armoredKeys[0]")
                .hasMessageContaining("'ssh-ed25519 AAAAC3Nza'");
    }

    @Test
    void fluxNeedsTheArmoredKeys() {
        var idsOnly = new RecordingKeys(List.of("3241169325389492"), List.of());

        assertThatThrownBy(() -> FluxOptions.defaults().withRecordingKeys(idsOnly))
                .isInstanceOf(InvalidRecordingKeyException.class)
                .hasMessageContaining("recordingKeys.armoredKeys");
    }

    @Test
    void argoCdNeedsTheKeyIds() {
        var armoredOnly = new RecordingKeys(List.of(), List.of(ARMORED));

        assertThatThrownBy(() -> RenderersTest.ARGO.withRecordingKeys(armoredOnly))
                .isInstanceOf(InvalidRecordingKeyException.class)
                .hasMessageContaining("recordingKeys.keyIds");
    }

    @Test
    void noneIsEmptyAndKeysAreNot() {
        assertThat(RecordingKeys.none().isEmpty()).isTrue();
        assertThat(SignedHeadsTest.keys().isEmpty()).isFalse();
    }
}
