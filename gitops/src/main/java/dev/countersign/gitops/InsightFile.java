package dev.countersign.gitops;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads an insight file into an {@link Insight}. The file is YAML (JSON is YAML too): {@code summary}, {@code
 * confidence} and {@code evidence}, each piece with {@code metric}, {@code window} and {@code values}. Unknown keys
 * are refused, so a misspelt field is not silently dropped; errors name the field, never a value.
 */
final class InsightFile {
    private static final int MAX_CHARACTERS = 256 * 1024;
    private static final Set<String> INSIGHT_KEYS = Set.of("summary", "confidence", "evidence");
    private static final Set<String> EVIDENCE_KEYS = Set.of("metric", "window", "values");

    private InsightFile() {}

    static Insight parse(String yaml, String source) {
        Map<?, ?> tree = map("insight file " + source, load(yaml, source), INSIGHT_KEYS);
        List<?> pieces = list("evidence", tree.get("evidence"));
        List<Insight.Evidence> evidence = new ArrayList<>();
        for (int i = 0; i < pieces.size(); i++) {
            evidence.add(evidence("evidence[" + i + "]", pieces.get(i)));
        }
        return new Insight(
                text("summary", tree.get("summary")), evidence, number("confidence", tree.get("confidence")));
    }

    private static Insight.Evidence evidence(String field, @Nullable Object node) {
        Map<?, ?> piece = map(field, node, EVIDENCE_KEYS);
        List<?> written = list(field + ".values", piece.get("values"));
        List<Double> values = new ArrayList<>();
        for (int i = 0; i < written.size(); i++) {
            values.add(number(field + ".values[" + i + "]", written.get(i)));
        }
        Duration window = InsightChecks.window(field + ".window", text(field + ".window", piece.get("window")));
        try {
            return new Insight.Evidence(text(field + ".metric", piece.get("metric")), window, values);
        } catch (InvalidInsightException e) {
            throw new InvalidInsightException(field + "." + e.field(), e.rule());
        }
    }

    private static @Nullable Object load(String yaml, String source) {
        if (yaml.length() > MAX_CHARACTERS) {
            throw new InvalidInsightException(
                    "insight file " + source, "has " + yaml.length() + " characters: at most " + MAX_CHARACTERS);
        }
        try {
            return new Load(LoadSettings.builder().setLabel(source).build()).loadFromString(yaml);
        } catch (MarkedYamlEngineException e) {
            Mark mark = e.getProblemMark().or(e::getContextMark).orElse(null);
            String at = mark == null ? "" : " at line " + (mark.getLine() + 1) + ", column " + (mark.getColumn() + 1);
            throw new InvalidInsightException("insight file " + source, "is not valid YAML" + at);
        } catch (YamlEngineException e) {
            throw new InvalidInsightException("insight file " + source, "is not valid YAML");
        }
    }

    private static Map<?, ?> map(String field, @Nullable Object node, Set<String> keys) {
        if (!(node instanceof Map<?, ?> map)) {
            throw new InvalidInsightException(field, "must be a map with " + String.join(", ", sorted(keys)));
        }
        for (Object key : map.keySet()) {
            if (!(key instanceof String name) || !keys.contains(name)) {
                throw new InvalidInsightException(
                        field, "has an unknown key: the keys are " + String.join(", ", sorted(keys)));
            }
        }
        return map;
    }

    private static List<?> list(String field, @Nullable Object node) {
        if (!(node instanceof List<?> list)) {
            throw new InvalidInsightException(field, "must be a list");
        }
        return list;
    }

    private static String text(String field, @Nullable Object node) {
        if (!(node instanceof String text)) {
            throw new InvalidInsightException(field, "must be text");
        }
        return text;
    }

    private static double number(String field, @Nullable Object node) {
        if (!(node instanceof Number number)) {
            throw new InvalidInsightException(field, "must be a number");
        }
        return number.doubleValue();
    }

    private static List<String> sorted(Set<String> keys) {
        return keys.stream().sorted().toList();
    }
}
