package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.policy.Principal;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.lib.Ref;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProposalRequestTest {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    @TempDir
    Path directory;

    private GitOpsRepository repository;

    @BeforeEach
    void open() {
        Clock clock = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
        repository = GitOpsRepository.open(directory, clock, new SecureRandom());
        repository.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
    }

    @AfterEach
    void close() {
        repository.close();
    }

    @Test
    void namesEachPartAndChangesOnlyTheCopy() {
        ProposalRequest bare = ProposalRequest.of("staging", Samples.web("1.0.0"));
        ProposalRequest full = bare.rationale("add web").evidence(List.of("https://tickets.example/OPS-1"));

        assertThat(bare.rationale()).isEmpty();
        assertThat(bare.evidence()).isEmpty();
        assertThat(bare.secrets()).isNull();
        assertThat(full.environment()).isEqualTo("staging");
        assertThat(full.rationale()).isEqualTo("add web");
        assertThat(full.evidence()).containsExactly("https://tickets.example/OPS-1");
    }

    @Test
    void showsSecretNamesButNeverTheirValues() {
        ProposalRequest request = ProposalRequest.of("staging", Samples.grafana("s3cr3t-admin"))
                .secrets(Secrets.of(Map.of("grafana_admin", "s3cr3t-value")));

        assertThat(request.toString()).contains("grafana_admin").doesNotContain("s3cr3t-value");
    }

    @Test
    void proposesWhatThePositionalFormProposes() {
        Proposal named = repository
                .proposer(AGENT)
                .propose(ProposalRequest.of("staging", Samples.web("1.0.0"))
                        .rationale("add web")
                        .evidence(List.of("https://tickets.example/OPS-1")));

        assertThat(named.environment()).isEqualTo("staging");
        assertThat(named.stack()).isEqualTo("web");
        assertThat(named.rationale()).isEqualTo("add web");
        assertThat(named.evidence()).containsExactly("https://tickets.example/OPS-1");
        assertThat(named.state()).isEqualTo(ProposalState.PROPOSED);
        repository.proposer(AGENT).withdraw(named.id());
        Proposal positional = repository
                .proposer(AGENT)
                .propose("staging", Samples.web("1.0.0"), "add web", List.of("https://tickets.example/OPS-1"));
        assertThat(positional.contentHash()).isEqualTo(named.contentHash());
    }

    @Test
    void refusesSecretsFromAnAgentAndWritesNothing() {
        Map<String, String> refsBefore = refs();
        List<Path> objectsBefore = objects();
        ProposalRequest withSecrets = ProposalRequest.of("staging", Samples.web("1.0.0"))
                .rationale("rotate")
                .secrets(Secrets.of(Map.of("db_password", "s3cr3t-pw")));

        assertThatThrownBy(() -> repository.proposer(AGENT).propose(withSecrets))
                .isInstanceOfSatisfying(
                        ActionDeniedException.class, e -> assertThat(e.rule()).isEqualTo("secrets-from-humans"))
                .hasMessageNotContaining("s3cr3t-pw");
        assertThat(refs()).isEqualTo(refsBefore);
        assertThat(objects()).isEqualTo(objectsBefore);
        assertThat(repository.proposals(null)).isEmpty();
    }

    private Map<String, String> refs() {
        try (Git git = Git.open(directory.toFile())) {
            Map<String, String> refs = new TreeMap<>();
            for (Ref ref : git.getRepository().getRefDatabase().getRefs()) {
                refs.put(ref.getName(), ref.getObjectId().name());
            }
            return refs;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private List<Path> objects() {
        Path objects = Files.isDirectory(directory.resolve(".git"))
                ? directory.resolve(".git/objects")
                : directory.resolve("objects");
        try (Stream<Path> files = Files.walk(objects)) {
            return files.filter(Files::isRegularFile).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
