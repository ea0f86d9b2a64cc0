package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Reviewer;
import dev.countersign.gitops.SigningKey;
import dev.countersign.policy.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.Callable;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code countersign approve}: Approve a proposal; it is recorded when policy allows. Exit 1 when denied. With
 * {@code --approver-key FILE} the approval is signed with the approver's own OpenPGP key, its passphrase read
 * from {@code COUNTERSIGN_APPROVER_PASSPHRASE}.
 */
@Command(
        name = "approve",
        description = "Approve a proposal; it is recorded when policy allows. Exit 1 when denied.",
        mixinStandardHelpOptions = true)
final class ApproveCommand implements Callable<Integer> {
    static final String PASSPHRASE = "COUNTERSIGN_APPROVER_PASSPHRASE";

    @Spec
    @SuppressWarnings("NullAway.Init")
    CommandSpec spec;

    @Mixin
    RepositoryOption repository = new RepositoryOption();

    @Parameters(index = "0", paramLabel = "ID", description = "The proposal id.")
    @SuppressWarnings("NullAway.Init")
    String id;

    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who acts.")
    @SuppressWarnings("NullAway.Init")
    String as;

    @Option(
            names = "--approver-key",
            paramLabel = "FILE",
            description = "The approver's own armored OpenPGP secret key: sign the approval with it"
                    + " (passphrase from $" + ApproveCommand.PASSPHRASE + ").")
    @Nullable
    Path approverKey;

    @Override
    public Integer call() {
        SigningKey key = approverKey == null ? null : approverKey(approverKey, System.getenv());
        try (GitOpsRepository repo = repository.open()) {
            Reviewer reviewer = repo.reviewer(Principal.parse(as));
            Proposal approved = key == null ? reviewer.approve(id) : reviewer.approve(id, key);
            spec.commandLine().getOut().println(ProposalText.line(approved));
        }
        return 0;
    }

    // the process environment is this command's edge: the library itself never reads it
    static SigningKey approverKey(Path file, Map<String, String> environment) {
        try {
            return SigningKey.fromArmored(
                    Files.readAllBytes(file),
                    environment.getOrDefault(PASSPHRASE, "").toCharArray());
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read approver key file " + file, e);
        }
    }
}
