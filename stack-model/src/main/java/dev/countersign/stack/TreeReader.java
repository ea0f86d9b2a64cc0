package dev.countersign.stack;

import dev.countersign.limits.InputLimits;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.core.ObjectReadContext;
import tools.jackson.core.StreamReadConstraints;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLParser;

/**
 * Reads YAML or JSON text into plain value trees, enforcing the document limits.
 *
 * <p>Aliases are rejected outright (which rules out alias bombs), duplicate keys are rejected, and
 * size, nesting depth and the number of tokens are bounded. A {@code null} is read as {@link NullValue#NULL} inside a Helm component's
 * values only, and refused anywhere else. Thread-safe.
 */
final class TreeReader {
    static final int MAX_CHARS = InputLimits.DOCUMENT_CHARS;
    static final int MAX_DEPTH = InputLimits.DEPTH;
    static final long MAX_TOKENS = InputLimits.DOCUMENT_TOKENS;

    private static final StreamReadConstraints CONSTRAINTS = StreamReadConstraints.builder()
            .maxNestingDepth(MAX_DEPTH + 8)
            .maxDocumentLength(MAX_CHARS * 4L)
            .maxStringLength(MAX_CHARS)
            .maxTokenCount(2 * MAX_TOKENS) // a backstop: Walk refuses at MAX_TOKENS with a typed error
            .build();
    private static final TokenStreamFactory YAML = YAMLFactory.builder()
            .loadSettings(LoadSettings.builder()
                    .setCodePointLimit(MAX_CHARS + 1)
                    .setAllowDuplicateKeys(false)
                    .setMaxAliasesForCollections(0)
                    .build())
            .streamReadConstraints(CONSTRAINTS)
            .build();
    /** Where a document may hold Helm's explicit {@code null}: inside a Helm component's values. */
    private static final Pattern HELM_VALUES = Pattern.compile("/spec/components/[0-9]+/helm/values/.+");

    private static final TokenStreamFactory JSON =
            JsonFactory.builder().streamReadConstraints(CONSTRAINTS).build();

    private TreeReader() {}

    /** Reads every document in the text; JSON when it starts with '{' or '[', YAML otherwise. */
    static List<Object> readAll(String text, String source) {
        if (text.length() > MAX_CHARS) {
            throw new DocumentLimitException(
                    source + " is " + text.length() + " characters long: the limit is " + MAX_CHARS);
        }
        String start = text.stripLeading();
        boolean json = start.startsWith("{") || start.startsWith("[");
        try (JsonParser parser = (json ? JSON : YAML).createParser(ObjectReadContext.empty(), text)) {
            var documents = new ArrayList<Object>();
            while (parser.nextToken() != null) {
                documents.add(new TreeReader.Walk(parser, source).value(0, ""));
            }
            return documents;
        } catch (JacksonException e) {
            String problem = problem(e);
            if (problem.startsWith("Duplicate")) {
                throw new DocumentLimitException("duplicate key in " + where(e, source) + ": " + problem, e);
            }
            throw new MalformedDocumentException("malformed document " + where(e, source) + ": " + problem, e);
        }
    }

    /** The first line of the parser's message only: later lines may quote the document. */
    private static String problem(JacksonException e) {
        String original =
                String.valueOf(e.getOriginalMessage()).lines().findFirst().orElse("");
        return original.length() > 160 ? original.substring(0, 160) + "..." : original;
    }

    private static String where(JacksonException e, String source) {
        var location = e.getLocation();
        return location == null
                ? source
                : source + " at line " + location.getLineNr() + ", column " + location.getColumnNr();
    }

    private record Walk(JsonParser parser, String source) {
        Object value(int depth, String pointer) {
            rejectAlias(pointer);
            checkTokens();
            JsonToken token = parser.currentToken();
            return switch (token) {
                case START_OBJECT -> object(depth + 1, pointer);
                case START_ARRAY -> array(depth + 1, pointer);
                case VALUE_STRING -> parser.getString();
                case VALUE_NUMBER_INT -> Numbers.integer(parser, pointer);
                case VALUE_NUMBER_FLOAT -> Numbers.decimal(parser, pointer);
                case VALUE_TRUE -> true;
                case VALUE_FALSE -> false;
                case VALUE_NULL -> explicitNull(pointer);
                default -> throw new InvalidStackException(pointer, "unsupported token " + token + " in " + source);
            };
        }

        /** Helm's {@code key: null}, which deletes a chart default; a null anywhere else is refused. */
        private Object explicitNull(String pointer) {
            if (!HELM_VALUES.matcher(pointer).matches()) {
                throw new InvalidStackException(
                        pointer,
                        "null values are not supported in " + source
                                + " (only in Helm values): remove the key or give a value");
            }
            return NullValue.NULL;
        }

        private Map<String, Object> object(int depth, String pointer) {
            checkDepth(depth, pointer);
            var map = new LinkedHashMap<String, Object>();
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                String key = parser.currentName();
                String child = pointer + "/" + Pointers.escape(key);
                if (map.containsKey(key)) {
                    throw new DocumentLimitException("duplicate key '" + Excerpt.of(key) + "' at "
                            + (pointer.isEmpty() ? "/" : Excerpt.of(pointer)) + " in " + source);
                }
                parser.nextToken();
                map.put(key, value(depth, child));
            }
            return Collections.unmodifiableMap(map);
        }

        private List<Object> array(int depth, String pointer) {
            checkDepth(depth, pointer);
            var list = new ArrayList<Object>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                list.add(value(depth, pointer + "/" + list.size()));
            }
            return Collections.unmodifiableList(list);
        }

        private void checkDepth(int depth, String pointer) {
            if (depth > MAX_DEPTH) {
                throw new DocumentLimitException(
                        "nesting deeper than " + MAX_DEPTH + " levels at " + Excerpt.of(pointer) + " in " + source);
            }
        }

        private void checkTokens() {
            if (parser.currentTokenCount() > MAX_TOKENS) {
                throw new DocumentLimitException(source + " has more than " + MAX_TOKENS
                        + " tokens (keys, values, starts and ends of maps" + " and lists)");
            }
        }

        private void rejectAlias(String pointer) {
            if (parser instanceof YAMLParser yaml && yaml.isCurrentAlias()) {
                throw new DocumentLimitException("YAML alias at " + (pointer.isEmpty() ? "/" : Excerpt.of(pointer))
                        + " in " + source + ": aliases are not allowed");
            }
        }
    }
}
