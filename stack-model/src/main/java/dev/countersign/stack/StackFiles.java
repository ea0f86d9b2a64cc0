package dev.countersign.stack;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads and writes stack and environment files, in YAML (1.2) or JSON.
 *
 * <p>A file holds one or more documents separated by {@code ---}. Input is bounded: at most
 * {@value #MAX_CHARS} characters, nesting at most {@value #MAX_DEPTH} levels deep, no YAML aliases,
 * no duplicate keys, no nulls except in Helm values ({@link NullValue}). Thread-safe.
 */
public final class StackFiles {
    /** The largest document accepted, in characters. */
    public static final int MAX_CHARS = TreeReader.MAX_CHARS;

    /** The deepest nesting of maps and lists accepted. */
    public static final int MAX_DEPTH = TreeReader.MAX_DEPTH;

    private StackFiles() {}

    /**
     * Parses every document of a text.
     *
     * @param text YAML or JSON
     * @param source a name for the text in error messages, such as its file name
     * @return the stacks and environments it holds
     * @throws StackException if the text is malformed, exceeds a limit or breaks a rule of the format
     */
    public static StackFile parse(String text, String source) {
        var stacks = new ArrayList<Stack>();
        var environments = new ArrayList<Environment>();
        List<Object> documents = TreeReader.readAll(text, source);
        for (int i = 0; i < documents.size(); i++) {
            Object document = documents.get(i);
            try {
                switch (Documents.kind(document)) {
                    case Stack.KIND -> stacks.add(Stack.fromTree(document));
                    case Environment.KIND -> environments.add(Environment.fromTree(document));
                    default ->
                        throw new InvalidStackException(
                                "/kind",
                                "unknown kind '" + Excerpt.of(Documents.kind(document))
                                        + "' (known: Stack, Environment)");
                }
            } catch (InvalidStackException e) {
                throw e.located(" in " + where(source, i, documents));
            }
        }
        return new StackFile(stacks, environments);
    }

    /**
     * Parses a text that holds exactly one stack (and possibly environments).
     *
     * @param text YAML or JSON
     * @param source a name for the text in error messages
     * @return the stack
     * @throws StackException if the text is invalid or does not hold exactly one stack
     */
    public static Stack parseStack(String text, String source) {
        List<Stack> stacks = parse(text, source).stacks();
        if (stacks.size() != 1) {
            throw new InvalidStackException("", source + " holds " + stacks.size() + " stacks: expected exactly one");
        }
        return stacks.get(0);
    }

    /**
     * Parses a text that holds exactly one environment (and possibly stacks).
     *
     * @param text YAML or JSON
     * @param source a name for the text in error messages
     * @return the environment
     * @throws StackException if the text is invalid or does not hold exactly one environment
     */
    public static Environment parseEnvironment(String text, String source) {
        List<Environment> environments = parse(text, source).environments();
        if (environments.size() != 1) {
            throw new InvalidStackException(
                    "", source + " holds " + environments.size() + " environments: expected exactly one");
        }
        return environments.get(0);
    }

    /**
     * Reads every document of a file.
     *
     * @param file a YAML or JSON file
     * @return its stacks and environments
     * @throws StackException if the file cannot be read or is invalid
     */
    public static StackFile read(Path file) {
        return parse(text(file), file.toString());
    }

    /**
     * Reads a file that holds exactly one stack.
     *
     * @param file a YAML or JSON file
     * @return the stack
     * @throws StackException if the file cannot be read, is invalid or holds no single stack
     */
    public static Stack readStack(Path file) {
        return parseStack(text(file), file.toString());
    }

    /**
     * Reads a file that holds exactly one environment.
     *
     * @param file a YAML or JSON file
     * @return the environment
     * @throws StackException if the file cannot be read, is invalid or holds no single environment
     */
    public static Environment readEnvironment(Path file) {
        return parseEnvironment(text(file), file.toString());
    }

    /**
     * Writes documents as YAML, separated by {@code ---}.
     *
     * @param trees plain value trees, such as {@link Stack#toTree()}
     * @return the YAML text
     */
    public static String toYaml(List<?> trees) {
        return TreeWriter.yaml(
                trees.stream().map(tree -> Values.freezeWithNulls(tree, "")).toList());
    }

    /**
     * Writes one document as indented JSON, keeping its key order.
     *
     * @param tree a plain value tree, such as {@link Stack#toTree()}
     * @return the JSON text, ending in a newline
     */
    public static String toJson(Object tree) {
        return TreeWriter.json(Values.freezeWithNulls(tree, ""));
    }

    static String text(Path file) {
        try {
            long size = Files.size(file);
            if (size > 4L * MAX_CHARS) {
                throw new DocumentLimitException(
                        file + " is " + size + " bytes long: the limit is " + MAX_CHARS + " characters");
            }
            return Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new MalformedDocumentException(
                    "cannot read " + file + ": " + e.getClass().getSimpleName(), e);
        }
    }

    private static String where(String source, int index, List<Object> documents) {
        return documents.size() == 1 ? source : source + " (document " + (index + 1) + ")";
    }
}
