package dev.countersign.sops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.sops.MalformedFileException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class YamlScalarsTest {
    @ParameterizedTest
    @CsvSource({
        "42, int, 42",
        "-7, int, -7",
        "0755, int, 493",
        "0x1F, int, 31",
        "0o17, int, 15",
        "1_000, int, 1000",
        "08, float, 8",
        "3.14, float, 3.14",
        ".inf, float, +Inf",
        "-.Inf, float, -Inf",
        ".nan, float, NaN",
        "1e3, float, 1000",
        "true, bool, True",
        "False, bool, False",
        "2024-01-01, time, 2024-01-01T00:00:00Z",
        "2006-01-02T15:04:05+07:06, time, 2006-01-02T15:04:05+07:06",
        "2024-01-01 10:00:00.5, time, 2024-01-01T10:00:00.5Z",
        "yes, str, yes",
        "on, str, on",
        "1.2.3, str, 1.2.3",
        "+, str, +"
    })
    void resolvesPlainScalarsLikeYamlV3(String plain, String type, String text) {
        Scalar scalar = (Scalar) YamlScalars.resolvePlain(plain, "k");
        assertThat(scalar.type().wireName()).isEqualTo(type);
        assertThat(scalar.text()).isEqualTo(text);
    }

    @ParameterizedTest
    @ValueSource(strings = {"~", "null", "NULL", ""})
    void resolvesNulls(String plain) {
        assertThat(YamlScalars.resolvePlain(plain, "k")).isEqualTo(NullNode.INSTANCE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"99999999999999999999", "-0x8000000000000001"})
    void refusesIntegersBeyondInt64NamingThePath(String plain) {
        assertThatThrownBy(() -> YamlScalars.resolvePlain(plain, "a.b"))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("[key path not quoted: 2 levels, 3 characters]")
                .hasMessageNotContaining("a.b");
    }

    @ParameterizedTest
    @ValueSource(strings = {"ENC[AES256_GCM,data:x,iv:y,tag:z,type:str]", "age1abc", "hello world", "3.13.2"})
    void writesPlainWhatReadsBackAsTheSameString(String text) {
        assertThat(YamlScalars.canBePlain(text)).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"true", "42", "2026-01-01T00:00:00Z", "a: b", "- x", " lead", "#c", "", "null", "x #y"})
    void quotesWhatWouldReadBackAsSomethingElse(String text) {
        assertThat(YamlScalars.canBePlain(text)).isFalse();
    }
}
