package dev.countersign.sops.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.security.SecureRandom;
import org.junit.jupiter.api.Test;

class ValueCipherTest {
    private static final byte[] KEY = new byte[32];

    @Test
    void reEncryptsADecryptedValueWithItsIv() {
        String enc = new ValueCipher(KEY, new SecureRandom()).encrypt(Scalar.str("s3cret"), "db:password:");
        try (ValueCipher cipher = new ValueCipher(KEY, new SecureRandom())) {
            Scalar plain = cipher.decrypt(enc, "db:password:", "db.password");
            assertThat(cipher.encrypt(plain, "db:password:")).isEqualTo(enc);
            assertThat(cipher.encrypt(plain, "other:")).isNotEqualTo(enc);
        }
    }

    @Test
    void remembersValuesDecryptedAfterAnEncryption() {
        ValueCipher writer = new ValueCipher(KEY, new SecureRandom());
        String first = writer.encrypt(Scalar.str("one"), "a:");
        String second = writer.encrypt(Scalar.str("two"), "b:");
        try (ValueCipher cipher = new ValueCipher(KEY, new SecureRandom())) {
            Scalar one = cipher.decrypt(first, "a:", "a");
            assertThat(cipher.encrypt(one, "a:")).isEqualTo(first);
            Scalar two = cipher.decrypt(second, "b:", "b");
            assertThat(cipher.encrypt(two, "b:")).isEqualTo(second);
            try (ValueCipher rotated = cipher.withKey(new byte[32])) {
                assertThat(EncValue.parse(rotated.encrypt(two, "b:"), "b").iv())
                        .isEqualTo(EncValue.parse(second, "b").iv());
            }
        }
    }

    @Test
    void aReadingCipherForgetsIvs() {
        String enc = new ValueCipher(KEY, new SecureRandom()).encrypt(Scalar.str("s3cret"), "k:");
        try (ValueCipher cipher = ValueCipher.forReading(KEY, new SecureRandom())) {
            Scalar plain = cipher.decrypt(enc, "k:", "k");
            assertThat(plain.text()).isEqualTo("s3cret");
            assertThat(cipher.encrypt(plain, "k:")).isNotEqualTo(enc);
        }
    }
}
