package dev.countersign.cli;

import dev.countersign.gitops.Insight;
import dev.countersign.gitops.Secrets;
import dev.countersign.policy.Policy;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFile;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import picocli.CommandLine.Model.CommandSpec;

/**
 * The stack, environment, policy and secrets files a command reads, where the file {@code -} is standard input (as
 * an agent pipes YAML); a failure to read names the file and is an I/O error (exit 5).
 *
 * @param command the command that reads them
 */
record Inputs(CommandSpec command) {
    /** The name standard input goes by in messages. */
    static final String STDIN = "<stdin>";

    /** The inputs of the command {@code command}. */
    static Inputs of(CommandSpec command) {
        return new Inputs(command);
    }

    /** The UTF-8 text of {@code file}, or of standard input for {@code -}. */
    String text(Path file, String what) {
        return isStdin(file)
                ? new String(Countersign.stdin(command), StandardCharsets.UTF_8)
                : InputFiles.text(file, what);
    }

    /** Every stack and environment document of a file. */
    StackFile file(Path file) {
        return StackFiles.parse(text(file, "stack"), source(file));
    }

    /** The one stack a file holds. */
    Stack stack(Path file) {
        return StackFiles.parseStack(text(file, "stack"), source(file));
    }

    /** The one environment a file holds. */
    Environment environment(Path file) {
        return StackFiles.parseEnvironment(text(file, "environment"), source(file));
    }

    /** The policy a file holds. */
    Policy policy(Path file) {
        return Policy.parse(text(file, "policy"));
    }

    /** The flat map of secret values a file holds. */
    Secrets secrets(Path file) {
        return Secrets.parse(text(file, "secrets"), source(file));
    }

    /** The insight an insight file holds. */
    Insight insight(Path file) {
        return Insight.parse(text(file, "insight"), source(file));
    }

    /** The Cluster API mapping a mapping file holds. */
    dev.countersign.render.ClusterApiMapping clusterApi(Path file) {
        return dev.countersign.gitops.ClusterApiFile.parse(text(file, "Cluster API mapping"), source(file));
    }

    /** How a file is named in messages. */
    static String source(Path file) {
        return isStdin(file) ? STDIN : file.toString();
    }

    static boolean isStdin(Path file) {
        return file.toString().equals("-");
    }
}
