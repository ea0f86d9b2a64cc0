package dev.countersign.sops.internal.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.longs;

import dev.countersign.sops.AgeIdentities;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.KeyGroupException;
import dev.countersign.sops.Vectors;
import dev.countersign.sops.spi.KeyEntry;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ShamirTest {
    private static final HexFormat HEX = HexFormat.of();
    private static final String SPEC_SHARE_1 =
            "5a44e111bd80df55f808bd9588cc8f1b3d440ff0a5d88986aa357e587e57c363" + "01";
    private static final String SPEC_SHARE_2 =
            "d4ebbf470d74cfc3936b1f4c7ff477472adb48ae0df4534e0721b2fdb8e9df87" + "02";
    private static final String SPEC_DATA_KEY = "202122232425262728292a2b2c2d2e2f303132333435363738393a3b3c3d3e3f";

    private final SecureRandom random = new SecureRandom();

    private static SecureRandom seeded(long seed) {
        try {
            SecureRandom random = SecureRandom.getInstance("SHA1PRNG");
            random.setSeed(seed);
            return random;
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    private static byte[] bytes(Random random, int size) {
        byte[] bytes = new byte[size];
        random.nextBytes(bytes);
        return bytes;
    }

    @Nested
    class KnownAnswers {
        @Test
        void combinesTheSharesListedInTheSpec() {
            byte[] secret = Shamir.combine(List.of(HEX.parseHex(SPEC_SHARE_1), HEX.parseHex(SPEC_SHARE_2)));

            assertThat(HEX.formatHex(secret)).isEqualTo(SPEC_DATA_KEY);
        }

        @Test
        void combinesInAnyOrder() {
            byte[] secret = Shamir.combine(List.of(HEX.parseHex(SPEC_SHARE_2), HEX.parseHex(SPEC_SHARE_1)));

            assertThat(HEX.formatHex(secret)).isEqualTo(SPEC_DATA_KEY);
        }

        @Test
        void recoversTheDataKeyOfTheShamirVectorFromItsAgeGroups() {
            String vector = "synthetic/shamir-2of2.enc.yaml";
            List<String> blocks = Vectors.armoredBlocks(vector, "AGE ENCRYPTED FILE");
            byte[] first = unwrap(blocks.get(0), "getsops-sops-history/age/keys.txt");
            byte[] second = unwrap(blocks.get(1), "sops-age/key.txt");

            assertThat(HEX.formatHex(first)).isEqualTo(SPEC_SHARE_1);
            assertThat(HEX.formatHex(second)).isEqualTo(SPEC_SHARE_2);
            assertThat(Shamir.combine(List.of(first, second))).isEqualTo(Vectors.dataKey(vector));
        }

        private byte[] unwrap(String block, String keyFile) {
            return AgeKeys.source(AgeIdentities.read(Vectors.file(keyFile)))
                    .unwrap(new KeyEntry("age", Map.of("enc", block)))
                    .orElseThrow();
        }

        @Test
        void multipliesInTheAesField() {
            assertThat(Shamir.multiply(0x57, 0x83)).isEqualTo(0xc1);
            assertThat(Shamir.multiply(0x57, 0x13)).isEqualTo(0xfe);
            assertThat(Shamir.divide(0xc1, 0x83)).isEqualTo(0x57);
        }
    }

    @Nested
    class Laws {
        @Test
        void anyThresholdOfSharesRecoversTheSecret() {
            qt().withExamples(300)
                    .forAll(
                            longs().all(),
                            integers().between(1, 48),
                            integers().between(2, 12),
                            integers().between(0, 10))
                    .checkAssert((seed, size, parts, extra) -> {
                        Random plain = new Random(seed);
                        int threshold = 2 + plain.nextInt(parts - 1);
                        byte[] secret = bytes(plain, size);
                        List<byte[]> shares = new ArrayList<>(Shamir.split(secret, parts, threshold, seeded(seed)));
                        Collections.shuffle(shares, plain);
                        int used = Math.min(parts, threshold + extra);

                        assertThat(shares).allSatisfy(share -> assertThat(share).hasSize(size + 1));
                        assertThat(Shamir.combine(shares.subList(0, used))).isEqualTo(secret);
                    });
        }

        @Test
        void fewerSharesThanTheThresholdDoNotRecoverTheSecret() {
            qt().withExamples(200)
                    .forAll(longs().all(), integers().between(3, 10))
                    .checkAssert((seed, parts) -> {
                        byte[] secret = bytes(new Random(seed), 32);
                        List<byte[]> shares = Shamir.split(secret, parts, parts, seeded(seed));

                        assertThat(Shamir.combine(shares.subList(0, parts - 1))).isNotEqualTo(secret);
                    });
        }

        @Test
        void putsTheOneBasedXCoordinateLast() {
            List<byte[]> shares = Shamir.split(new byte[32], 5, 3, random);

            for (int i = 0; i < shares.size(); i++) {
                assertThat(shares.get(i)[32]).isEqualTo((byte) (i + 1));
            }
        }

        @Test
        void leavesTheSecretUntouched() {
            byte[] secret = HEX.parseHex(SPEC_DATA_KEY);

            Shamir.split(secret, 3, 2, random);

            assertThat(HEX.formatHex(secret)).isEqualTo(SPEC_DATA_KEY);
        }
    }

    @Nested
    class BadInput {
        @Test
        void rejectsASingleShare() {
            assertThatThrownBy(() -> Shamir.combine(List.of(HEX.parseHex(SPEC_SHARE_1))))
                    .isInstanceOf(KeyGroupException.class)
                    .hasMessageContaining("at least two");
        }

        @Test
        void rejectsDuplicateXCoordinates() {
            byte[] share = HEX.parseHex(SPEC_SHARE_1);

            assertThatThrownBy(() -> Shamir.combine(List.of(share, share.clone())))
                    .isInstanceOf(KeyGroupException.class)
                    .hasMessageContaining("duplicate share x-coordinate 1");
        }

        @Test
        void rejectsSharesOfDifferentLengths() {
            assertThatThrownBy(() -> Shamir.combine(List.of(HEX.parseHex(SPEC_SHARE_1), HEX.parseHex("0102"))))
                    .isInstanceOf(KeyGroupException.class)
                    .hasMessageContaining("length");
        }

        @Test
        void rejectsAThresholdOfOne() {
            assertThatThrownBy(() -> Shamir.split(new byte[32], 3, 1, random))
                    .isInstanceOf(KeyGroupException.class)
                    .hasMessageContaining("invalid threshold 1");
        }

        @Test
        void rejectsAThresholdAboveTheShareCount() {
            assertThatThrownBy(() -> Shamir.split(new byte[32], 2, 3, random))
                    .isInstanceOf(KeyGroupException.class)
                    .hasMessageContaining("invalid threshold 3");
        }

        @Test
        void rejectsMoreThan255Shares() {
            assertThatThrownBy(() -> Shamir.split(new byte[32], 256, 2, random))
                    .isInstanceOf(KeyGroupException.class)
                    .hasMessageContaining("invalid share count 256");
        }

        @Test
        void rejectsAnEmptySecret() {
            assertThatThrownBy(() -> Shamir.split(new byte[0], 2, 2, random)).isInstanceOf(KeyGroupException.class);
        }
    }
}
