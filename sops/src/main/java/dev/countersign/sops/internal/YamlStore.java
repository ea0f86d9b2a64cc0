package dev.countersign.sops.internal;

import dev.countersign.sops.MalformedFileException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.comments.CommentLine;
import org.snakeyaml.engine.v2.comments.CommentType;
import org.snakeyaml.engine.v2.common.ScalarStyle;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * The YAML store on snakeyaml-engine: comments kept as items (block comments above an item, inline
 * comments placed before it), key order kept, aliases expanded, multi-document streams, scalars
 * resolved like yaml.v3. Writing uses {@link YamlWriter}.
 */
final class YamlStore implements Store {
    private static final NullOnlySchema SCHEMA = new NullOnlySchema();

    private final YamlWriter writer = new YamlWriter();

    @Override
    public List<MapNode> readPlain(byte[] bytes) {
        String text = new String(bytes, StandardCharsets.UTF_8);
        LoadSettings settings = LoadSettings.builder()
                .setParseComments(true)
                .setAllowDuplicateKeys(true)
                .setCodePointLimit(Integer.MAX_VALUE)
                .setSchema(SCHEMA)
                .build();
        List<MapNode> documents = new ArrayList<>();
        try {
            Composer composer = new Composer(
                    settings,
                    new CountingParser(
                            new ParserImpl(settings, new StreamReader(settings, text)), ItemBudget.of("YAML")));
            while (composer.hasNext()) {
                documents.add(document(composer.next(), documents.isEmpty()));
            }
        } catch (YamlEngineException e) {
            // the engine's message quotes the offending line, which may hold a secret: keep only its position
            throw new MalformedFileException("invalid YAML" + where(e));
        } catch (ClassCastException e) {
            // the engine's composer fails so on a comment where it expects a node (found by fuzzing: "[#-- :")
            throw new MalformedFileException("invalid YAML: a comment where a value is expected");
        }
        return documents;
    }

    private static String where(YamlEngineException e) {
        if (e instanceof MarkedYamlEngineException marked) {
            String position = marked.getProblemMark()
                    .map(m -> " at line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1))
                    .orElse("");
            return position + ": " + marked.getProblem();
        }
        return "";
    }

    private MapNode document(org.snakeyaml.engine.v2.nodes.Node root, boolean first) {
        if (root instanceof ScalarNode scalar && scalar.getTag().equals(Tag.NULL)) {
            return new MapNode(List.of());
        }
        if (!(root instanceof MappingNode mapping)) {
            throw new MalformedFileException("invalid YAML document: the top level must be a mapping");
        }
        YamlComments.relocate(mapping);
        return map(mapping, "", first);
    }

    private MapNode map(MappingNode mapping, String where, boolean checkDuplicates) {
        List<Item> items = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (NodeTuple tuple : mapping.getValue()) {
            String key = key(tuple.getKeyNode(), where);
            if (checkDuplicates && !seen.add(key)) {
                throw new MalformedFileException(
                        "duplicate key " + Redacted.path(path(where, key)) + " in YAML mapping");
            }
            comments(tuple.getKeyNode().getBlockComments(), items);
            comments(tuple.getKeyNode().getInLineComments(), items);
            comments(tuple.getValueNode().getInLineComments(), items);
            items.add(new Pair(key, node(tuple.getValueNode(), path(where, key), checkDuplicates)));
        }
        comments(mapping.getEndComments(), items);
        return new MapNode(items);
    }

    private static String path(String where, String key) {
        return where.isEmpty() ? key : where + "." + key;
    }

    private static String key(org.snakeyaml.engine.v2.nodes.Node node, String where) {
        if (!(node instanceof ScalarNode scalar)) {
            throw new MalformedFileException(
                    "invalid YAML key under " + Redacted.path(where) + ": only string keys are supported");
        }
        if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            return scalar.getValue();
        }
        Node resolved = YamlScalars.resolvePlain(scalar.getValue(), where);
        if (resolved instanceof Scalar s && s.type() == ValueType.STR) {
            return s.text();
        }
        throw new MalformedFileException("invalid YAML key " + Redacted.path(path(where, scalar.getValue()))
                + ": only string keys are supported (quote it)");
    }

    private Node node(org.snakeyaml.engine.v2.nodes.Node node, String where, boolean checkDuplicates) {
        if (node instanceof MappingNode mapping) {
            return map(mapping, where, checkDuplicates);
        }
        if (node instanceof SequenceNode sequence) {
            return list(sequence, where, checkDuplicates);
        }
        return scalar((ScalarNode) node, where);
    }

    private ListNode list(SequenceNode sequence, String where, boolean checkDuplicates) {
        List<Node> elements = new ArrayList<>();
        for (org.snakeyaml.engine.v2.nodes.Node element : sequence.getValue()) {
            List<Item> before = new ArrayList<>();
            comments(element.getBlockComments(), before);
            comments(element.getInLineComments(), before);
            before.forEach(c -> elements.add((Comment) c));
            elements.add(node(element, where, checkDuplicates));
        }
        List<Item> after = new ArrayList<>();
        comments(sequence.getEndComments(), after);
        after.forEach(c -> elements.add((Comment) c));
        return new ListNode(elements);
    }

    private static Node scalar(ScalarNode scalar, String where) {
        if (scalar.getTag().equals(Tag.BINARY)) {
            return Scalar.of(ValueType.STR, Base64.getMimeDecoder().decode(scalar.getValue()));
        }
        if (scalar.getScalarStyle() != ScalarStyle.PLAIN) {
            return Scalar.str(scalar.getValue());
        }
        return YamlScalars.resolvePlain(scalar.getValue(), where);
    }

    private static void comments(List<CommentLine> lines, List<Item> into) {
        if (lines == null) {
            return;
        }
        for (CommentLine line : lines) {
            if (line.getCommentType() != CommentType.BLANK_LINE) {
                into.add(new Comment(line.getValue()));
            }
        }
    }

    @Override
    public byte[] writePlain(List<MapNode> documents) {
        return writer.write(documents).getBytes(StandardCharsets.UTF_8);
    }
}
