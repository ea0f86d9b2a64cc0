package dev.countersign.sops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class GoFloatTest {
    @ParameterizedTest
    @CsvSource({
        "1234.56789, 1234.56789",
        "7.0, 7",
        "0.5, 0.5",
        "1e21, 1000000000000000000000",
        "1e-7, 0.0000001",
        "1234568000, 1234568000",
        "0.1, 0.1",
        "-2.5e-3, -0.0025",
        "1e-10, 0.0000000001"
    })
    void formatsLikeGoWithoutExponent(double value, String go) {
        assertThat(GoFloat.format(value)).isEqualTo(go);
    }

    @ParameterizedTest
    @CsvSource({"Infinity, +Inf", "-Infinity, -Inf", "NaN, NaN", "-0.0, -0", "0.0, 0"})
    void formatsSpecialValuesLikeGo(double value, String go) {
        assertThat(GoFloat.format(value)).isEqualTo(go);
    }

    @ParameterizedTest
    @CsvSource({"1e21, 1e+21", "1e-7, 1e-7", "1.5e-7, 1.5e-7", "123456.5, 123456.5", "1e20, 100000000000000000000"})
    void formatsJsonNumbersLikeEncodingJson(double value, String json) {
        assertThat(GoFloat.formatJson(value)).isEqualTo(json);
    }

    @ParameterizedTest
    @CsvSource({"+Inf", "-inf", "NaN", "1e5", "3.14", ".5"})
    void parsesWhatGoWritesAndReads(String text) {
        assertThat(Double.valueOf(GoFloat.parse(GoFloat.format(GoFloat.parse(text)))))
                .isEqualTo(Double.valueOf(GoFloat.parse(text)));
    }

    @ParameterizedTest
    @CsvSource({"abc", "0x1p3", "1;5", "''"})
    void rejectsWhatIsNoFloat(String text) {
        assertThatThrownBy(() -> GoFloat.parse(text)).isInstanceOf(NumberFormatException.class);
    }
}
