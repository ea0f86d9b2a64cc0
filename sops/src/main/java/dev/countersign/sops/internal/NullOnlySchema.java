package dev.countersign.sops.internal;

import java.util.Map;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.resolver.ScalarResolver;
import org.snakeyaml.engine.v2.schema.JsonSchema;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * The JSON schema of snakeyaml-engine with a resolver that only tells nulls from strings. The sops
 * YAML store resolves plain scalars itself ({@link YamlScalars}) and reads one implicit tag, the null
 * of an empty document, so the engine's regex per scalar is wasted work. Nulls are resolved exactly
 * as the JSON schema does: a plain {@code null} or empty scalar. Immutable.
 */
final class NullOnlySchema implements Schema {
    private static final ScalarResolver RESOLVER =
            (value, implicit) -> implicit && (value.isEmpty() || value.equals("null")) ? Tag.NULL : Tag.STR;

    private final Map<Tag, ConstructNode> constructors = new JsonSchema().getSchemaTagConstructors();

    @Override
    public ScalarResolver getScalarResolver() {
        return RESOLVER;
    }

    @Override
    public Map<Tag, ConstructNode> getSchemaTagConstructors() {
        return constructors;
    }
}
