package dev.countersign.sops;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.limits.InputLimits;
import java.security.SecureRandom;
import java.util.List;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * A small file of very many tiny keys is refused by the shared item limit while it is parsed, with a typed error
 * that names no key (issue 23: 10^6 keys in 7.6 MiB used to exhaust a 256 MiB heap).
 */
class ItemLimitTest {
    private static final AgeIdentity ALICE = AgeIdentity.generate(new SecureRandom());
    private static final Sops SOPS =
            Sops.builder().keySource(AgeKeys.source(List.of(ALICE))).build();

    private static byte[] file(FileFormat format, int keys) {
        IntFunction<String> line = switch (format) {
            case YAML -> i -> "k" + i + ": v\n";
            case DOTENV -> i -> "k" + i + "=v\n";
            case INI -> i -> "k" + i + " = v\n";
            case JSON -> i -> (i == 0 ? "" : ",") + "\"k" + i + "\":\"v\"";
            default -> throw new IllegalArgumentException(format.name());
        };
        String body = IntStream.range(0, keys).mapToObj(line).collect(Collectors.joining());
        String text = switch (format) {
            case JSON -> "{" + body + "}";
            case INI -> "[db]\n" + body;
            default -> body;
        };
        return text.getBytes(UTF_8);
    }

    private static byte[] encrypt(byte[] plain, FileFormat format) {
        return SOPS.encrypt(plain, format, EncryptOptions.of(KeyGroups.of(List.of(Recipient.age(ALICE.recipient())))));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"YAML", "JSON", "DOTENV", "INI"})
    void refusesAFileOverTheItemLimitWhenEncrypting(FileFormat format) {
        byte[] hostile = file(format, InputLimits.SECRETS_FILE_ITEMS + 1);
        assertThat(hostile.length).isLessThan(InputLimits.SECRETS_FILE_BYTES);

        assertThatThrownBy(() -> encrypt(hostile, format))
                .isInstanceOf(FileLimitException.class)
                .hasMessageContaining(String.valueOf(InputLimits.SECRETS_FILE_ITEMS))
                .satisfies(e -> assertThat(e.getMessage()).doesNotContain("k1").hasSizeLessThan(200));
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"YAML", "JSON", "DOTENV", "INI"})
    void refusesAFileOverTheItemLimitWhenDecrypting(FileFormat format) {
        byte[] hostile = file(format, InputLimits.SECRETS_FILE_ITEMS + 1);

        assertThatThrownBy(() -> SOPS.decrypt(hostile, format)).isInstanceOf(FileLimitException.class);
    }

    @ParameterizedTest
    @EnumSource(
            value = FileFormat.class,
            names = {"YAML", "JSON", "DOTENV", "INI"})
    void aFileOfThousandsOfKeysStillRoundTrips(FileFormat format) {
        byte[] plain = file(format, 5_000);

        byte[] decrypted = SOPS.decrypt(encrypt(plain, format), format);

        assertThat(new String(decrypted, UTF_8)).contains("k4999");
    }
}
