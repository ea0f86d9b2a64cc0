package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.eclipse.jgit.lib.Ref;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rejecting and withdrawing are decided by policy like every other verb (issue 24): a human whose roles lack
 * {@code reject} cannot reject, and a proposer whose roles lack {@code withdraw} cannot withdraw. Each refusal
 * names the permission rule and leaves every ref where it was.
 */
class DecisionPermissionTest {
    private static final Principal DAVE = Principal.human("dave");
    private static final Principal BUILDER = Principal.agent("builder");

    @TempDir
    Path directory;

    private GitOpsRepository repository;

    @AfterEach
    void close() {
        repository.close();
    }

    private GitOpsRepository open(String policy) {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        repository = GitOpsRepository.open(directory, clock, new SecureRandom());
        repository.initialize(Principal.human("alice"), policy, Samples.ENVIRONMENTS);
        return repository;
    }

    private Map<String, String> refs() throws IOException {
        try (Repository git = new FileRepositoryBuilder()
                .setGitDir(directory.resolve(".git").toFile())
                .readEnvironment()
                .build()) {
            Map<String, String> refs = new TreeMap<>();
            for (Ref ref : git.getRefDatabase().getRefs()) {
                refs.put(ref.getName(), String.valueOf(ref.getObjectId()));
            }
            return refs;
        }
    }

    @Test
    void aHumanWithoutTheRejectPermissionCannotReject() throws IOException {
        GitOpsRepository repo = open(Samples.POLICY);
        Proposal p = repo.proposer(BUILDER).propose("staging", Samples.web("1.0.0"), "add web", List.of());
        Map<String, String> before = refs();

        // dave is a member: read, propose, withdraw; no reject
        assertThatThrownBy(() -> repo.reviewer(DAVE).reject(p.id(), "no"))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("permission"));

        assertThat(refs()).isEqualTo(before);
        assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(repo.reviewer(Principal.human("carol")).reject(p.id(), "no").state())
                .isEqualTo(ProposalState.REJECTED);
    }

    @Test
    void aProposerWithoutTheWithdrawPermissionCannotWithdraw() throws IOException {
        GitOpsRepository repo =
                open(Samples.POLICY.replace("member:   [read, propose, withdraw]", "member:   [read, propose]"));
        Proposal p = repo.proposer(BUILDER).propose("staging", Samples.web("1.0.0"), "add web", List.of());
        Map<String, String> before = refs();

        assertThatThrownBy(() -> repo.proposer(BUILDER).withdraw(p.id()))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("permission"));

        assertThat(refs()).isEqualTo(before);
        assertThat(repo.proposal(p.id()).state()).isEqualTo(ProposalState.PROPOSED);
    }
}
