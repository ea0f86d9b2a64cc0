package dev.countersign.cli;

import dev.countersign.gitops.ApproverKeys;
import dev.countersign.gitops.Verification;
import dev.countersign.gitops.VerifyOptions;
import dev.countersign.signatures.keys.TrustedKeys;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code countersign verify}: Verify main offline; exit 1 when a commit did not come through the contract. */
@Command(name = "verify", description = "Verify main offline; exit 1 when a commit did not come through the contract.")
final class VerifyCommand extends Subcommand {
    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Option(names = "--checkpoint", paramLabel = "COMMIT", description = "A trusted commit to verify from.")
    @Nullable
    String checkpoint;

    @Option(
            names = "--checkpoint-file",
            paramLabel = "FILE",
            description = "A file outside the repository holding the checkpoint: verify from it (from the root"
                    + " when missing) and advance it to main after a clean run.")
    @Nullable
    Path checkpointFile;

    @Option(
            names = "--trusted-keys",
            paramLabel = "FILE",
            description = "An armored OpenPGP public keyring: every checked commit must be signed by one of its keys.")
    @Nullable
    Path trustedKeys;

    @Option(
            names = "--approver-keys",
            paramLabel = "FILE",
            description = "A file of 'PRINCIPAL KEYRING-FILE' lines: every approval on a checked commit must be"
                    + " signed by its approver's own key.")
    @Nullable
    Path approverKeys;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Verification v = repository.apply(repo -> repo.verifyWith(options()));
        output.print(() -> text(v), () -> tree(v));
        return v.isClean() ? ExitCodes.OK : ExitCodes.FINDINGS;
    }

    private List<String> text(Verification v) {
        List<String> lines = new ArrayList<>();
        lines.add(v.commitsChecked() + " commits checked, " + v.findings().size() + " findings");
        v.findings().forEach(finding -> lines.add(String.valueOf(finding)));
        if (checkpointFile != null && v.isClean()) {
            lines.add("checkpoint " + checkpointFile + " now at " + v.head());
        }
        return lines;
    }

    private VerifyOptions options() {
        if (checkpoint != null && checkpointFile != null) {
            throw new CommandFailure("give --checkpoint or --checkpoint-file, not both: the file holds the checkpoint");
        }
        VerifyOptions options = VerifyOptions.fromRoot();
        if (checkpoint != null) {
            options = options.withCheckpoint(checkpoint);
        }
        if (checkpointFile != null) {
            options = options.withCheckpointFile(checkpointFile);
        }
        if (trustedKeys != null) {
            options = options.withTrustedKeys(TrustedKeys.fromArmored(InputFiles.read(trustedKeys, "trusted keys")));
        }
        if (approverKeys != null) {
            options = options.withApproverKeys(ApproverKeys.fromFile(approverKeys));
        }
        return options;
    }

    private static Map<String, Object> tree(Verification v) {
        Map<String, Object> tree = new LinkedHashMap<>();
        tree.put("head", v.head());
        tree.put("commitsChecked", v.commitsChecked());
        tree.put(
                "findings",
                v.findings().stream()
                        .map(f -> Map.of("commit", f.commit(), "rule", f.rule(), "message", f.message()))
                        .toList());
        return tree;
    }
}
