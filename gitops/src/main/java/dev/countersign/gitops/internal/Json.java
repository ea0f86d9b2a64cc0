package dev.countersign.gitops.internal;

import dev.countersign.gitops.GitOpsException;
import java.nio.charset.StandardCharsets;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** Reads and writes the JSON files of the gitops module (proposal metadata), pretty and key-sorted. */
final class Json {
    private static final JsonMapper MAPPER =
            JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private Json() {}

    static byte[] write(Object value) {
        try {
            return (MAPPER.writeValueAsString(value) + "\n").getBytes(StandardCharsets.UTF_8);
        } catch (JacksonException e) {
            throw new GitOpsException("cannot write " + value.getClass().getSimpleName() + " as JSON", e);
        }
    }

    static <T> T read(byte[] json, Class<T> type, String where) {
        try {
            return MAPPER.readValue(json, type);
        } catch (JacksonException e) {
            throw new GitOpsException("malformed " + where + ": " + e.getOriginalMessage(), e);
        }
    }
}
