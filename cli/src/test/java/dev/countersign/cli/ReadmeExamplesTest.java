package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's {@code countersign} commands, run in order in-process from the repository root, with its repository
 * path {@code /tmp/gitops} replaced by a fresh one: each must exit 0, or the code its {@code # exits N} comment
 * documents. A README example that rots fails here.
 */
class ReadmeExamplesTest {
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern EXITS = Pattern.compile("\\s+# exits (\\d)\\b.*$");

    @TempDir
    Path folder;

    private static final Pattern CAPTURE = Pattern.compile("^(\\w+)=\\$\\((bin/countersign .*) \\| head -1\\)$");
    private static final Pattern EXPORT = Pattern.compile("^export (\\w+)=(\\S+)$");
    private static final Pattern WORD = Pattern.compile("\"([^\"]*)\"|(\\S+)");

    /**
     * One shell line of the README: {@code export NAME=VALUE}, {@code bin/countersign ARGS}, or {@code NAME=$(bin/
     * countersign ARGS | head -1)} capturing the first line printed; {@code < FILE} is standard input.
     */
    record Example(String line, @Nullable String variable, List<String> args, int exit) {}

    static List<Example> examples() throws IOException {
        List<Example> examples = new ArrayList<>();
        boolean fenced = false;
        String pending = "";
        for (String line : Files.readAllLines(ROOT.resolve("README.md"))) {
            if (line.startsWith("```")) {
                fenced = !fenced;
                continue;
            }
            String joined = pending + line.strip();
            if (fenced && joined.endsWith("\\")) {
                pending = joined.substring(0, joined.length() - 1) + " ";
                continue;
            }
            pending = "";
            if (fenced
                    && (joined.startsWith("bin/countersign ")
                            || joined.startsWith("export ")
                            || CAPTURE.matcher(joined).matches())) {
                examples.add(example(joined));
            }
        }
        return examples;
    }

    private static Example example(String line) {
        Matcher exits = EXITS.matcher(line);
        int exit = exits.find() ? Integer.parseInt(exits.group(1)) : 0;
        String command = line.replaceAll("\\s+#.*$", "");
        Matcher capture = CAPTURE.matcher(command);
        String variable = capture.matches() ? capture.group(1) : null;
        if (variable != null) {
            command = capture.group(2);
        }
        List<String> args = new ArrayList<>();
        Matcher word = WORD.matcher(command);
        while (word.find()) {
            args.add(word.group(1) != null ? word.group(1) : word.group(2));
        }
        if (args.get(0).equals("bin/countersign")) {
            args.remove(0);
        }
        return new Example(line, variable, args, exit);
    }

    @Test
    void theReadmeHasCommandsFromInitOn() throws IOException {
        assertThat(examples())
                .extracting(e -> e.args().get(0))
                .contains(
                        "init", "validate", "plan", "render", "policy", "propose", "show", "approve", "log", "verify");
    }

    @Test
    void everyReadmeCommandExitsAsDocumented() throws IOException {
        String repo = folder.resolve("gitops").toString();
        Map<String, String> variables = new HashMap<>();
        for (Example example : examples()) {
            List<String> args = new ArrayList<>();
            String stdin = "";
            for (int i = 0; i < example.args().size(); i++) {
                String arg = substitute(example.args().get(i), repo, variables);
                if (arg.equals("<")) {
                    stdin = Files.readString(ROOT.resolve(example.args().get(++i)));
                } else {
                    args.addAll(expand(arg));
                }
            }
            if (args.get(0).equals("export")) {
                Matcher export = EXPORT.matcher(String.join(" ", args));
                assertThat(export.matches()).as(example.line()).isTrue();
                variables.put(export.group(1), export.group(2));
                continue;
            }
            Cli run = Cli.runWith(variables, stdin, args.toArray(String[]::new));
            assertThat(run.code())
                    .as(example.line() + "\n" + run.out() + run.err())
                    .isEqualTo(example.exit());
            if (example.variable() != null) {
                variables.put(example.variable(), run.out().lines().findFirst().orElseThrow());
            }
        }
        assertThat(variables).containsKeys("COUNTERSIGN_REPO", "id");
    }

    private static String substitute(String arg, String repo, Map<String, String> variables) {
        String result = arg.replace("/tmp/gitops", repo);
        for (Map.Entry<String, String> variable : variables.entrySet()) {
            result = result.replace("$" + variable.getKey(), variable.getValue());
        }
        return result;
    }

    /** A relative path names a file from the repository root; a {@code *} glob expands as the shell would. */
    private static List<String> expand(String arg) throws IOException {
        if (!arg.startsWith("samples/")) {
            return List.of(arg);
        }
        if (!arg.contains("*")) {
            return List.of(ROOT.resolve(arg).toString());
        }
        Path dir = ROOT.resolve(arg).getParent();
        List<String> files = new ArrayList<>();
        try (DirectoryStream<Path> matches =
                Files.newDirectoryStream(dir, Path.of(arg).getFileName().toString())) {
            matches.forEach(file -> files.add(file.toString()));
        }
        files.sort(null);
        return files;
    }
}
