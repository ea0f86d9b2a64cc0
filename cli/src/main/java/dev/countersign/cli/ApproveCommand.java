package dev.countersign.cli;

import dev.countersign.signatures.keys.ApprovalProof;
import dev.countersign.signatures.keys.SigningKey;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code countersign approve}: Approve a proposal; it is recorded when policy allows. Exit 1 when denied. The
 * approval is signed over its statement ({@code show ID --statement}) with {@code --approver-key FILE} (an
 * OpenSSH private key file or an armored OpenPGP secret key, passphrase from {@code
 * COUNTERSIGN_APPROVER_PASSPHRASE}), with {@code --approver-key ssh-agent} (the first key of the running agent
 * registered for the approver), or carries a signature made elsewhere with {@code --signature FILE}.
 */
@Command(name = "approve", description = "Approve a proposal; it is recorded when policy allows. Exit 1 when denied.")
final class ApproveCommand extends ProposalActionCommand {
    static final String PASSPHRASE = "COUNTERSIGN_APPROVER_PASSPHRASE";
    static final String AGENT = "ssh-agent";
    static final String AGENT_SOCKET = "SSH_AUTH_SOCK";

    @Option(
            names = "--approver-key",
            paramLabel = "FILE",
            description = "Sign the approval with the approver's own key: an OpenSSH private key file or an armored"
                    + " OpenPGP secret key (passphrase from $" + ApproveCommand.PASSPHRASE + "), or '"
                    + ApproveCommand.AGENT + "' for the first key of the running agent ($"
                    + ApproveCommand.AGENT_SOCKET + ") registered for the approver.")
    @Nullable
    String approverKey;

    @Option(
            names = "--signature",
            paramLabel = "FILE",
            description = "A detached signature of the approval statement made elsewhere: 'ssh-keygen -Y sign -n"
                    + " countersign' or 'gpg --detach-sign' over the bytes 'show ID --statement --as P' prints.")
    @Nullable
    Path signature;

    @Override
    public Integer call() {
        ApprovalProof proof = proof(repository.environment());
        act((repo, principal) -> proof == null
                ? repo.reviewer(principal).approve(proposal.value())
                : repo.reviewer(principal).approve(proposal.value(), proof));
        return 0;
    }

    // the process environment is this command's edge: the library itself never reads it
    private @Nullable ApprovalProof proof(Map<String, String> environment) {
        if (approverKey != null && signature != null) {
            throw new CommandFailure("--approver-key and --signature exclude each other: give one proof");
        }
        if (signature != null) {
            return ApprovalProof.detached(InputFiles.read(signature, "signature"));
        }
        if (approverKey == null) {
            return null;
        }
        if (approverKey.equals(AGENT)) {
            String socket = environment.get(AGENT_SOCKET);
            if (socket == null || socket.isBlank()) {
                throw new CommandFailure(
                        "--approver-key " + AGENT + " needs a running agent: $" + AGENT_SOCKET + " is not set");
            }
            return ApprovalProof.signedBySshAgent(Path.of(socket));
        }
        return keyFile(Path.of(approverKey), environment);
    }

    private static ApprovalProof keyFile(Path file, Map<String, String> environment) {
        byte[] key = InputFiles.read(file, "approver key");
        char[] passphrase = environment.getOrDefault(PASSPHRASE, "").toCharArray();
        if (new String(key, StandardCharsets.ISO_8859_1).contains("BEGIN OPENSSH PRIVATE KEY")) {
            return ApprovalProof.signedWithSshKey(file, passphrase);
        }
        return ApprovalProof.signedWith(SigningKey.fromArmored(key, passphrase));
    }

    static SigningKey approverKey(Path file, Map<String, String> environment) {
        return SigningKey.fromArmored(
                InputFiles.read(file, "approver key"),
                environment.getOrDefault(PASSPHRASE, "").toCharArray());
    }
}
