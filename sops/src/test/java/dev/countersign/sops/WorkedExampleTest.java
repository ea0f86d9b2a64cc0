package dev.countersign.sops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.sops.spi.KeyEntry;
import dev.countersign.sops.spi.KeySource;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The worked example of the format spec (§13), reproduced byte for byte: fixed data key, IVs
 * SHA-256("sops-worked-example-iv-N"), fixed time, and the age stanza of the shared vector.
 */
class WorkedExampleTest {
    private static final String PLAINTEXT = """
            # db settings
            db:
                user: admin
                password: s3cr3t
                port: 5432
                enabled: true
            ratio: 0.5
            hosts:
                - a.example.com
                - b.example.com
            note_unencrypted: visible
            """;

    @Test
    void encryptsTheWorkedExampleByteForByte() throws Exception {
        byte[] expected = Files.readAllBytes(Vectors.root().resolve("synthetic/worked-example.enc.yaml"));
        Sops sops = Sops.builder()
                .keySource(new ReplayedAge(new String(expected, StandardCharsets.UTF_8)))
                .random(new ScriptedRandom(script(new String(expected, StandardCharsets.UTF_8))))
                .clock(Clock.fixed(Instant.parse("2026-01-01T00:00:00Z"), ZoneOffset.UTC))
                .build();

        byte[] file = sops.encrypt(
                PLAINTEXT.getBytes(StandardCharsets.UTF_8),
                FileFormat.YAML,
                EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(ReplayedAge.RECIPIENT)))));

        assertThat(new String(file, StandardCharsets.UTF_8)).isEqualTo(new String(expected, StandardCharsets.UTF_8));
    }

    /** The data key, IV_0..IV_7 for the comment and values, and the MAC's IV as the vector has it. */
    private static List<byte[]> script(String expected) throws Exception {
        List<byte[]> script = new ArrayList<>();
        script.add(HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f"));
        for (int n = 0; n <= 7; n++) {
            script.add(MessageDigest.getInstance("SHA-256")
                    .digest(("sops-worked-example-iv-" + n).getBytes(StandardCharsets.UTF_8)));
        }
        Matcher macIv = Pattern.compile("mac: ENC\\[[^\\]]*iv:([^,]+),").matcher(expected);
        assertThat(macIv.find()).isTrue();
        script.add(Base64.getDecoder().decode(macIv.group(1)));
        return script;
    }

    /** Returns the vector's own age stanza, since age wrapping draws its own randomness. */
    private static final class ReplayedAge implements KeySource {
        static final String RECIPIENT = "age1yt3tfqlfrwdwx0z0ynwplcr6qxcxfaqycuprpmy89nr83ltx74tqdpszlw";
        private final String armor;

        ReplayedAge(String file) {
            Matcher m = Pattern.compile("-----BEGIN AGE.*?-----END AGE ENCRYPTED FILE-----", Pattern.DOTALL)
                    .matcher(file);
            assertThat(m.find()).isTrue();
            this.armor = m.group().replaceAll("\n +", "\n") + "\n";
        }

        @Override
        public String type() {
            return "age";
        }

        @Override
        public KeyEntry wrap(byte[] dataKey, String recipient) {
            Map<String, String> fields = new LinkedHashMap<>();
            fields.put("recipient", recipient);
            fields.put("enc", armor);
            return new KeyEntry("age", fields);
        }

        @Override
        public Optional<byte[]> unwrap(KeyEntry entry) {
            return Optional.empty();
        }
    }
}
