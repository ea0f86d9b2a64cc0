package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;

import dev.countersign.sops.internal.MapNode;
import dev.countersign.sops.internal.Stores;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.SourceDSL;

/** Laws: decrypt(encrypt(doc)) == doc in every store, and any one-byte change of a value or the MAC is caught. */
class SopsRoundTripTest {
    private final Sops sops =
            Sops.builder().keySource(FakeKeySource.age("age1me")).build();
    private final EncryptOptions options = EncryptOptions.of(KeyGroups.of(List.of(Recipient.age("age1me"))));

    private void roundTrips(FileFormat format, Gen<List<MapNode>> documents) {
        qt().withExamples(100).forAll(documents).checkAssert(docs -> {
            byte[] plain = Stores.of(format).writePlain(docs);
            assertThat(Stores.of(format).readPlain(plain))
                    .as("store round trip")
                    .isEqualTo(docs);
            byte[] decrypted = sops.decrypt(sops.encrypt(plain, format, options), format);
            assertThat(Stores.of(format).readPlain(decrypted)).isEqualTo(docs);
        });
    }

    @Test
    void yamlRoundTrips() {
        roundTrips(FileFormat.YAML, SopsGenerators.yamlDocuments());
    }

    @Test
    void jsonRoundTrips() {
        roundTrips(FileFormat.JSON, SopsGenerators.jsonDocuments());
    }

    @Test
    void dotenvRoundTrips() {
        roundTrips(FileFormat.DOTENV, SopsGenerators.dotenvDocuments());
    }

    @Test
    void iniRoundTrips() {
        roundTrips(FileFormat.INI, SopsGenerators.iniDocuments());
    }

    @Test
    void binaryRoundTrips() {
        qt().withExamples(100)
                .forAll(SopsGenerators.binaryPayloads())
                .checkAssert(bytes -> assertThat(
                                sops.decrypt(sops.encrypt(bytes, FileFormat.BINARY, options), FileFormat.BINARY))
                        .isEqualTo(bytes));
    }

    @Test
    void anySingleByteChangeOfAnEncryptedValueOrTheMacIsDetected() {
        byte[] file = sops.encrypt(
                "a: secret\nb:\n    - 42\n    - true\nc: 0.25\nmac_me_unencrypted: x\n".getBytes(UTF_8),
                FileFormat.YAML,
                options);
        String text = new String(file, UTF_8);
        List<String> fields = fields(text);
        Gen<int[]> change = SourceDSL.integers()
                .between(0, fields.size() - 1)
                .zip(SourceDSL.integers().between(0, 1000), SourceDSL.integers().between(1, 255), (f, at, delta) ->
                        new int[] {f, at, delta});
        qt().withExamples(300).forAll(change).checkAssert(c -> {
            String field = fields.get(c[0]);
            byte[] bytes = Base64.getDecoder().decode(field);
            bytes[c[1] % bytes.length] ^= (byte) c[2];
            String tampered = text.replace(field, Base64.getEncoder().encodeToString(bytes));
            assertThatThrownBy(() -> sops.decrypt(tampered.getBytes(UTF_8), FileFormat.YAML))
                    .isInstanceOfAny(TamperedValueException.class, MacMismatchException.class);
        });
    }

    /** The base64 data, iv and tag fields of every ENC string, the MAC's included. */
    private static List<String> fields(String file) {
        List<String> fields = new ArrayList<>();
        Matcher m = Pattern.compile("(?:data|iv|tag):([A-Za-z0-9+/=]+)").matcher(file);
        while (m.find()) {
            fields.add(m.group(1));
        }
        assertThat(fields).hasSizeGreaterThan(12);
        return fields;
    }
}
