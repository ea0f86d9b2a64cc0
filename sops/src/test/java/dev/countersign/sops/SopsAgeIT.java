package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Interop with the npm peer {@code sops-age} 4.0.2 (pinned in {@code test-tools/}): files Countersign
 * writes decrypt there to the same data. sops-age knows no {@code type:time} and no comments inside
 * lists, so those stay out of these documents; it does not check the MAC either.
 */
class SopsAgeIT {
    private static final AgeIdentity IDENTITY = AgeIdentity.generate(new SecureRandom());
    private static final String YAML = """
            # a top-level comment
            str: hello
            unicode_ключ: "värde ✓ 日本 🎉"
            empty: ""
            int: 42
            negative: -7
            float: 3.25
            small: 0.000125
            yes_bool: true
            no_bool: false
            multiline: |
                line one
                line two
            nested:
                # a comment inside a map
                list_of_maps:
                    - name: a
                      secret: s1
                    - name: b
                      inner:
                        - x
                        - "y: z"
                deeper:
                    key: value
            plain_unencrypted: visible
            """;
    private static final String EXPECTED = "{\"str\":\"hello\",\"unicode_ключ\":\"värde ✓ 日本 🎉\",\"empty\":\"\","
            + "\"int\":42,\"negative\":-7,\"float\":3.25,\"small\":0.000125,\"yes_bool\":true,\"no_bool\":false,"
            + "\"multiline\":\"line one\\nline two\\n\",\"nested\":{\"list_of_maps\":[{\"name\":\"a\",\"secret\":\"s1\"},"
            + "{\"name\":\"b\",\"inner\":[\"x\",\"y: z\"]}],\"deeper\":{\"key\":\"value\"}},"
            + "\"plain_unencrypted\":\"visible\"}";

    private static Path script;

    @TempDir
    Path dir;

    @BeforeAll
    static void findThePeer() {
        Path tools = null;
        for (Path at = Path.of("").toAbsolutePath(); at != null && tools == null; at = at.getParent()) {
            if (Files.isRegularFile(at.resolve("test-tools/package.json"))) {
                tools = at.resolve("test-tools");
            }
        }
        assertThat(tools).as("test-tools/package.json above the module").isNotNull();
        assertThat(tools.resolve("node_modules/sops-age/package.json"))
                .as("sops-age is not installed: run 'npm ci' in " + tools)
                .isRegularFile();
        script = tools.resolve("sops-age-decrypt.mjs");
    }

    private final Sops sops =
            Sops.builder().keySource(AgeKeys.source(List.of(IDENTITY))).build();
    private final EncryptOptions options =
            EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(IDENTITY.recipient()))));

    private String peerDecrypt(byte[] file, String name, String type) throws IOException {
        Path path = dir.resolve(name);
        Files.write(path, file);
        Path keys = dir.resolve("keys.txt");
        Files.writeString(keys, "# test identity\n" + IDENTITY.revealSecretKey() + "\n");
        Cli.Result result = Cli.run(
                List.of("node", script.toString(), path.toString(), keys.toString(), type), new byte[0], Map.of());
        assertThat(result.exitCode()).as("sops-age failed: " + result.stderr()).isZero();
        return result.text();
    }

    @Test
    void decryptsYaml() throws IOException {
        byte[] file = sops.encrypt(YAML.getBytes(UTF_8), FileFormat.YAML, options);
        assertThat(peerDecrypt(file, "doc.yaml", "yaml")).isEqualTo(EXPECTED);
    }

    @Test
    void decryptsJson() throws IOException {
        byte[] json = sops.decrypt(
                sops.encrypt(YAML.getBytes(UTF_8), FileFormat.YAML, options), FileFormat.YAML, FileFormat.JSON);
        byte[] file = sops.encrypt(json, FileFormat.JSON, options);
        assertThat(peerDecrypt(file, "doc.json", "json")).isEqualTo(EXPECTED);
    }

    /** The peer's dotenv parser (npm dotenv) accepts only ASCII word keys, so unicode is in a value here. */
    @Test
    void decryptsDotenv() throws IOException {
        String env = "# comment\nNAME=value\nUNICODE=日本 ✓ ÄÖ\nEMPTY=\nNUMBER=7\nMULTI=a\\nb\nPLAIN_unencrypted=shown\n";
        byte[] file = sops.encrypt(env.getBytes(UTF_8), FileFormat.DOTENV, options);
        assertThat(peerDecrypt(file, "doc.env", "env"))
                .isEqualTo("{\"NAME\":\"value\",\"UNICODE\":\"日本 ✓ ÄÖ\",\"EMPTY\":\"\",\"NUMBER\":\"7\","
                        + "\"MULTI\":\"a\\nb\",\"PLAIN_unencrypted\":\"shown\"}");
    }

    @Test
    void decryptsBinaryAsJson() throws IOException {
        String payload = "line 1\nümlaut ✓\n\n\n";
        byte[] file = sops.encrypt(payload.getBytes(UTF_8), FileFormat.BINARY, options);
        assertThat(peerDecrypt(file, "doc.bin", "json")).isEqualTo("{\"data\":\"line 1\\nümlaut ✓\\n\\n\\n\"}");
    }

    @Test
    void decryptsAKeptDataKeyAfterASet() throws IOException {
        byte[] file = sops.encrypt(YAML.getBytes(UTF_8), FileFormat.YAML, options);
        byte[] changed = sops.set(file, FileFormat.YAML, ValuePath.of("str"), "\"changed\"");
        assertThat(peerDecrypt(changed, "set.yaml", "yaml")).isEqualTo(EXPECTED.replace("\"hello\"", "\"changed\""));
    }
}
