package dev.countersign.sops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.sops.MalformedValueException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;

class EncValueTest {
    private static final Pattern SOPS_SYNTAX =
            Pattern.compile("^ENC\\[AES256_GCM,data:(.+),iv:(.+),tag:(.+),type:(.+)\\]", Pattern.DOTALL);
    private static final String PREFIX = "ENC[AES256_GCM,data:";
    private static final List<String> FRAGMENTS =
            List.of("AB==", "x", "QUJD", ",iv:", ",tag:", ",type:", "str", "]", ",", ":", "[", "\n", "", PREFIX);

    private static final Gen<String> PIECE = lists().of(integers().between(0, FRAGMENTS.size() - 1))
            .ofSizeBetween(1, 2)
            .map(picks -> picks.stream().map(FRAGMENTS::get).collect(Collectors.joining()));
    // the shape sops writes, with stray separators, brackets and text mixed into every field and after it
    private static final Gen<String> ENC_LIKE = PIECE.zip(
                    PIECE,
                    PIECE,
                    PIECE,
                    (data, iv, tag, type) -> PREFIX + data + ",iv:" + iv + ",tag:" + tag + ",type:" + type + "]")
            .zip(PIECE, integers().between(0, 3), (text, tail, n) -> n == 0 ? text + tail : text);

    @Test
    void splitsExactlyAsTheRegexDoesWheneverItSplits() {
        AtomicInteger split = new AtomicInteger();
        qt().withExamples(3000).forAll(ENC_LIKE).checkAssert(text -> {
            String[] fields = EncValue.split(text);
            Matcher m = SOPS_SYNTAX.matcher(text);
            if (fields != null) {
                split.incrementAndGet();
                assertThat(m.find()).isTrue();
                assertThat(fields).containsExactly(m.group(1), m.group(2), m.group(3), m.group(4));
            }
        });
        assertThat(split.get()).as("examples the hand split accepted").isGreaterThan(20);
    }

    @Test
    void splitsTheFormSopsWrites() {
        assertThat(EncValue.split("ENC[AES256_GCM,data:YT8/EA==,iv:c6uR+Q==,tag:LAIJ/w==,type:bool]"))
                .containsExactly("YT8/EA==", "c6uR+Q==", "LAIJ/w==", "bool");
    }

    @Test
    void leavesOtherFormsToTheRegex() {
        assertThat(EncValue.split("ENC[AES256_GCM,data:QQ==,iv:QQ==,tag:QQ==,type:str]tail"))
                .isNull();
        EncValue tailed = EncValue.parse("ENC[AES256_GCM,data:QQ==,iv:QQ==,tag:QQ==,type:str]tail", "a");
        assertThat(tailed.type()).isEqualTo(ValueType.STR);
        assertThat(tailed.data()).containsExactly('A');
    }

    @Test
    void namesThePathOfAMalformedValue() {
        assertThatThrownBy(() -> EncValue.parse("ENC[AES256_GCM,data:Q,iv:QQ==,tag:QQ==,type:str]", "db.password"))
                .isInstanceOf(MalformedValueException.class)
                .hasMessage(
                        "malformed encrypted value at [key path not quoted: 2 levels, 11 characters]: data is not padded standard base64");
        assertThatThrownBy(() -> EncValue.parse("ENC[AES256_GCM,data:QQ==,iv:QQ==,tag:QQ==,type:blob]", "k"))
                .isInstanceOf(MalformedValueException.class)
                .hasMessageContaining(
                        "unknown value type of 4 characters at [key path not quoted: 1 level, 1 characters]");
    }
}
