package dev.countersign.sops.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.QuickTheory.qt;
import static org.quicktheories.generators.SourceDSL.booleans;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.sops.MalformedFileException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;

class NullOnlySchemaTest {
    private static final List<String> PIECES = List.of("n", "u", "l", "null", "~", "N", "ULL", "0", "t", "rue", " ");

    @Test
    void resolvesNullsExactlyAsTheJsonSchema() {
        ScalarResolver ours = new NullOnlySchema().getScalarResolver();
        ScalarResolver json = new JsonSchema().getScalarResolver();
        qt().withExamples(1000)
                .forAll(
                        lists().of(integers().between(0, PIECES.size() - 1)).ofSizeBetween(0, 4),
                        booleans().all())
                .checkAssert((picks, implicit) -> {
                    String value = picks.stream().map(PIECES::get).collect(Collectors.joining());
                    assertThat(ours.resolve(value, implicit).equals(Tag.NULL))
                            .as("'%s' implicit=%s", value, implicit)
                            .isEqualTo(json.resolve(value, implicit).equals(Tag.NULL));
                });
    }

    @Test
    void readsNullDocumentsAsEmptyAndRefusesAQuotedNull() {
        YamlStore store = new YamlStore();
        assertThat(store.readPlain("null\n".getBytes(StandardCharsets.UTF_8))).containsExactly(new MapNode(List.of()));
        assertThat(store.readPlain("a: 1\n---\n".getBytes(StandardCharsets.UTF_8)))
                .hasSize(2)
                .last()
                .isEqualTo(new MapNode(List.of()));
        assertThatThrownBy(() -> store.readPlain("\"null\"\n".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOf(MalformedFileException.class)
                .hasMessageContaining("top level must be a mapping");
    }
}
