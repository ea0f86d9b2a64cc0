package dev.countersign.render;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.dialect.DefaultDialectRegistry;
import com.networknt.schema.dialect.Dialects;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * The Kubernetes and CRD JSON Schemas of {@code shared/schemas/}, found by walking up from the
 * working directory, and a validator of rendered multi-document YAML against them.
 */
final class SharedSchemas {
    private static final YAMLMapper YAML = new YAMLMapper();
    private static final String CORE = "kubernetes/v1.32.2-standalone-strict/";

    private final Path root;
    private final SchemaRegistry registry = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_7,
            builder -> builder.dialectRegistry(new DefaultDialectRegistry(
                    id -> id.startsWith("http://json-schema.org/schema") ? Dialects.getDraft7() : null)));
    private final Map<Path, Schema> schemas = new HashMap<>();

    private SharedSchemas(Path root) {
        this.root = root;
    }

    /** Finds {@code shared/schemas} in the working directory or one of its parents. */
    static SharedSchemas locate() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            Path candidate = dir.resolve("shared/schemas");
            if (Files.isDirectory(candidate)) {
                return new SharedSchemas(candidate);
            }
        }
        throw new IllegalStateException(
                "no shared/schemas folder in " + Path.of("").toAbsolutePath()
                        + " or any parent: the schema tests need the shared JSON Schemas next to the repository");
    }

    /** Splits a YAML stream at its {@code ---} lines and parses every non-empty document. */
    static List<JsonNode> documents(String yaml) {
        var documents = new ArrayList<JsonNode>();
        for (String text : yaml.split("(?m)^---\\s*$")) {
            if (!text.isBlank()) {
                documents.add(YAML.readTree(text));
            }
        }
        return documents;
    }

    /** Returns the schema errors of one document, naming it; empty when it is valid. */
    List<String> errors(JsonNode document) {
        JsonNode checked = document;
        if ("Secret".equals(document.path("kind").asString()) && document.has("sops")) {
            checked = ((ObjectNode) document.deepCopy()).without("sops");
        }
        String name = document.path("kind").asString() + "/"
                + document.path("metadata").path("name").asString();
        return schema(document).validate(checked).stream()
                .map(error -> name + ": " + error)
                .toList();
    }

    /** Returns the schema file for an {@code apiVersion} and {@code kind}. */
    Path schemaFile(String apiVersion, String kind) {
        String lower = kind.toLowerCase(Locale.ROOT);
        int slash = apiVersion.indexOf('/');
        if (slash < 0) {
            return root.resolve(CORE + lower + "-" + apiVersion + ".json");
        }
        String group = apiVersion.substring(0, slash);
        String version = apiVersion.substring(slash + 1);
        if (!group.contains(".")) {
            return root.resolve(CORE + lower + "-" + group + "-" + version + ".json");
        }
        return root.resolve("crds/" + group + "/" + lower + "_" + version + ".json");
    }

    private Schema schema(JsonNode document) {
        Path file = schemaFile(
                document.path("apiVersion").asString(), document.path("kind").asString());
        if (!Files.isRegularFile(file)) {
            throw new AssertionError(
                    "no schema " + file + " for " + document.path("apiVersion").asString() + " "
                            + document.path("kind").asString());
        }
        return schemas.computeIfAbsent(file, this::load);
    }

    private Schema load(Path file) {
        try {
            return registry.getSchema(Files.readString(file), InputFormat.JSON);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
