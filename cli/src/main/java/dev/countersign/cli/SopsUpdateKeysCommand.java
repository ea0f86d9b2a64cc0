package dev.countersign.cli;

import dev.countersign.sops.CreationRules;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.KeyGroups;
import dev.countersign.sops.Recipient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code countersign sops updatekeys FILE}: the file's recipients replaced, in place, by those of the
 * first matching creation rule in the nearest {@code .sops.yaml}. When a recipient is removed the data
 * key is rotated too, so the removed key cannot read the new file.
 */
@Command(
        name = "updatekeys",
        description = "Replace the file's recipients with those of its .sops.yaml creation rule, in place;"
                + " rotates the data key when a recipient is removed.")
final class SopsUpdateKeysCommand extends SopsSubcommand {
    @Option(
            names = {"-y", "--yes"},
            description = "Do not ask for confirmation.")
    boolean yes;

    @Parameters(index = "0", paramLabel = "FILE", description = "The encrypted file.")
    @SuppressWarnings("NullAway.Init")
    Path file;

    @Override
    public Integer call() {
        KeyGroups groups = CreationRules.forFile(file)
                .orElseThrow(() -> new CommandFailure(
                        "no .sops.yaml creation rule matches " + file + ": nothing to update the keys from"))
                .keyGroups();
        byte[] encrypted = SopsFiles.read(file);
        if (!yes && !confirmed(groups)) {
            spec.commandLine().getErr().println("changes to " + file + " not applied");
            return Countersign.EXIT_NO;
        }
        byte[] updated = keys.decrypting(environment()).updateKeys(encrypted, FileFormat.of(file), groups);
        SopsFiles.replace(file, updated);
        spec.commandLine().getErr().println("file " + file + " synced with new keys");
        return 0;
    }

    private boolean confirmed(KeyGroups groups) {
        PrintWriter err = spec.commandLine().getErr();
        err.println("the recipients of " + file + " will be:");
        groups.groups().forEach(group -> err.println("  " + describe(group)));
        err.print("Is this okay? (y/n) ");
        err.flush();
        var reader = new BufferedReader(new InputStreamReader(environment().stdin(), StandardCharsets.UTF_8));
        try {
            String answer = reader.readLine();
            return answer != null && answer.strip().equalsIgnoreCase("y");
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the confirmation from standard input", e);
        }
    }

    private static String describe(List<Recipient> group) {
        return group.stream().map(r -> r.type() + ":" + r.id()).collect(Collectors.joining(", "));
    }
}
