package dev.countersign.stack;

import java.io.StringWriter;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.core.JsonGenerator;
import tools.jackson.core.ObjectWriteContext;
import tools.jackson.core.PrettyPrinter;
import tools.jackson.core.TokenStreamFactory;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.dataformat.yaml.YAMLFactory;
import tools.jackson.dataformat.yaml.YAMLWriteFeature;

/** Writes plain value trees as YAML, pretty JSON or canonical JSON. Thread-safe. */
final class TreeWriter {
    private static final TokenStreamFactory YAML = YAMLFactory.builder()
            .enable(YAMLWriteFeature.MINIMIZE_QUOTES, YAMLWriteFeature.INDENT_ARRAYS_WITH_INDICATOR)
            .disable(YAMLWriteFeature.WRITE_DOC_START_MARKER, YAMLWriteFeature.SPLIT_LINES)
            .stringQuotingChecker(new Quoting())
            .build();
    private static final TokenStreamFactory JSON = new JsonFactory();
    private static final ObjectWriteContext PRETTY = new ObjectWriteContext.Base() {
        @Override
        public PrettyPrinter getPrettyPrinter() {
            return new DefaultPrettyPrinter();
        }

        @Override
        public boolean hasPrettyPrinter() {
            return true;
        }
    };

    private TreeWriter() {}

    /** Writes documents as YAML, separated by {@code ---}. */
    static String yaml(List<?> documents) {
        var out = new StringBuilder();
        for (Object document : documents) {
            if (out.length() > 0) {
                out.append("---\n");
            }
            out.append(write(YAML, ObjectWriteContext.empty(), document, false));
        }
        return out.toString();
    }

    /** Writes a tree as indented JSON in its own key order. */
    static String json(Object tree) {
        return write(JSON, PRETTY, tree, false) + "\n";
    }

    /** Writes a tree as canonical JSON: sorted keys, normalised numbers, no whitespace. */
    static String canonicalJson(Object tree) {
        return write(JSON, ObjectWriteContext.empty(), tree, true);
    }

    private static String write(TokenStreamFactory factory, ObjectWriteContext context, Object tree, boolean sort) {
        var out = new StringWriter();
        try (JsonGenerator generator = factory.createGenerator(context, out)) {
            write(generator, tree, sort);
        }
        return out.toString();
    }

    private static void write(JsonGenerator generator, Object value, boolean sort) {
        if (value instanceof Map<?, ?> map) {
            generator.writeStartObject();
            for (var entry : (sort ? new TreeMap<>(map) : map).entrySet()) {
                generator.writeName((String) entry.getKey());
                write(generator, entry.getValue(), sort);
            }
            generator.writeEndObject();
        } else if (value instanceof List<?> list) {
            generator.writeStartArray();
            for (Object item : list) {
                write(generator, item, sort);
            }
            generator.writeEndArray();
        } else {
            writeScalar(generator, value);
        }
    }

    private static void writeScalar(JsonGenerator generator, Object value) {
        if (value instanceof String text) {
            generator.writeString(text);
        } else if (value == NullValue.NULL) {
            generator.writeNull();
        } else if (value instanceof Boolean bool) {
            generator.writeBoolean(bool);
        } else if (value instanceof Long number) {
            generator.writeNumber(number);
        } else if (value instanceof BigDecimal decimal) {
            generator.writeNumber(decimal);
        } else if (value instanceof Number number) {
            writeScalar(generator, Values.normalise(number, ""));
        } else {
            throw new IllegalArgumentException(
                    "unsupported value type " + value.getClass().getSimpleName());
        }
    }
}
