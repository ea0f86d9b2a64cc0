package dev.countersign.cli;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Reviewer;
import dev.countersign.gitops.SigningKey;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code countersign approve}: Approve a proposal; it is recorded when policy allows. Exit 1 when denied. With
 * {@code --approver-key FILE} the approval is signed with the approver's own OpenPGP key, its passphrase read
 * from {@code COUNTERSIGN_APPROVER_PASSPHRASE}.
 */
@Command(name = "approve", description = "Approve a proposal; it is recorded when policy allows. Exit 1 when denied.")
final class ApproveCommand extends ProposalActionCommand {
    static final String PASSPHRASE = "COUNTERSIGN_APPROVER_PASSPHRASE";

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
        return act((repo, principal) -> List.of(ProposalText.line(approve(repo.reviewer(principal), key))));
    }

    private Proposal approve(Reviewer reviewer, @Nullable SigningKey key) {
        return key == null ? reviewer.approve(proposal.value()) : reviewer.approve(proposal.value(), key);
    }

    // the process environment is this command's edge: the library itself never reads it
    static SigningKey approverKey(Path file, Map<String, String> environment) {
        return SigningKey.fromArmored(
                InputFiles.read(file, "approver key"),
                environment.getOrDefault(PASSPHRASE, "").toCharArray());
    }
}
