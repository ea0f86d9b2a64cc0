package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import dev.countersign.sops.SopsException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/**
 * A recipient removal recorded once (keys from the real {@code age-keygen}, a Flux environment with a stack's
 * secrets): afterwards the removed identity opens no sops file of the environment — neither through the sops
 * module nor through the real {@code age} on any wrapped data key — while the remaining and added identities
 * open every one, also through the npm peer {@code sops-age}.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RecipientRemovalIT {
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final List<String> FILES =
            List.of("environments/staging/secured/secrets.sops.yaml", "apps/staging/secured/secrets/secret.sops.yaml");

    @TempDir
    static Path directory;

    @TempDir
    static Path keys;

    private final Map<String, AgeIdentity> identities = new java.util.TreeMap<>();
    private final Map<String, byte[]> before = new java.util.TreeMap<>();
    private final Map<String, byte[]> after = new java.util.TreeMap<>();

    @BeforeAll
    void recordTheRemoval() throws Exception {
        for (String name : List.of("kept", "removed", "added")) {
            Path file = keys.resolve(name + ".txt");
            assertThat(Processes.run(keys, "age-keygen", "-o", file.toString()).code())
                    .isZero();
            identities.put(
                    name,
                    AgeIdentity.parse(Files.readAllLines(file).stream()
                            .filter(line -> line.startsWith("AGE-SECRET-KEY-"))
                            .findFirst()
                            .orElseThrow()));
        }
        try (GitOpsRepository repo = GitOpsRepository.open(
                directory, Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC), new SecureRandom())) {
            repo.initialize(
                    ALICE,
                    Samples.POLICY,
                    List.of(EnvironmentProposalTest.environment("staging", "staging-eu", "flux", "5m")),
                    List.of(recipient("kept"), recipient("removed")));
            Proposal secrets = repo.proposer(BOB)
                    .propose(
                            "staging",
                            Samples.secured("${api_token}", "1.0.0"),
                            Secrets.of(Map.of("api_token", "tok-PLAIN-it", "admin_password", "pw-PLAIN-it")),
                            "add secured",
                            List.of());
            repo.reviewer(ALICE).approve(secrets.id());
            read(before);
            Proposal change = repo.proposer(BOB)
                    .proposeRecipients(
                            "staging",
                            List.of(recipient("added")),
                            List.of(recipient("removed")),
                            DecryptionKeys.read(keys.resolve("kept.txt")),
                            "offboard",
                            List.of());
            assertThat(repo.reviewer(ALICE).approve(change.id()).state()).isEqualTo(ProposalState.RECORDED);
            assertThat(repo.verify(null).findings()).isEmpty();
        }
        read(after);
    }

    private String recipient(String name) {
        return identities.get(name).recipient();
    }

    private void read(Map<String, byte[]> into) {
        try (GitStore git = GitStore.open(directory)) {
            var main = git.resolve("refs/heads/main").orElseThrow();
            FILES.forEach(file -> into.put(file, git.read(main, file).orElseThrow()));
        }
    }

    private static byte[] decrypt(byte[] file, AgeIdentity identity) {
        return Sops.builder()
                .keySource(AgeKeys.source(List.of(identity)))
                .build()
                .decrypt(file, FileFormat.YAML);
    }

    @Test
    void theRemovedIdentityOpensNoFileOfTheEnvironment() {
        assertThat(FILES).allSatisfy(file -> {
            assertThat(decrypt(before.get(file), identities.get("removed"))).isNotEmpty();
            assertThatThrownBy(() -> decrypt(after.get(file), identities.get("removed")))
                    .isInstanceOf(SopsException.class);
        });
    }

    @Test
    void theRealAgeCannotUnwrapAnyDataKeyWithTheRemovedIdentity() throws Exception {
        for (String file : FILES) {
            List<String> wrapped = wrappedKeys(after.get(file));
            assertThat(wrapped).hasSize(2);
            for (int i = 0; i < wrapped.size(); i++) {
                Path enc = keys.resolve("wrapped-" + i + ".age");
                Files.writeString(enc, wrapped.get(i));
                Processes.Result removed = Processes.run(
                        keys, "age", "-d", "-i", keys.resolve("removed.txt").toString(), enc.toString());
                assertThat(removed.code()).as(file).isNotZero();
            }
        }
    }

    @Test
    void theRemainingAndAddedIdentitiesOpenEveryFileWithTheSameValues() {
        for (String file : FILES) {
            for (String name : List.of("kept", "added")) {
                assertThat(new String(decrypt(after.get(file), identities.get(name)), StandardCharsets.UTF_8))
                        .contains("tok-PLAIN-it", "pw-PLAIN-it");
            }
        }
    }

    @Test
    void thePeerSopsAgeReadsTheReEncryptedFiles() throws Exception {
        for (String file : FILES) {
            Path copy = keys.resolve("peer.sops.yaml");
            Files.write(copy, after.get(file));
            for (String name : List.of("kept", "added")) {
                Processes.Result peer = Processes.run(
                        keys,
                        "node",
                        sopsAgeScript().toString(),
                        copy.toString(),
                        keys.resolve(name + ".txt").toString(),
                        "yaml");
                assertThat(peer.code()).as("sops-age failed: " + peer.err()).isZero();
                assertThat(peer.out()).contains("tok-PLAIN-it", "pw-PLAIN-it");
            }
        }
    }

    @SuppressWarnings("unchecked")
    private static List<String> wrappedKeys(byte[] file) {
        Map<String, Object> tree = (Map<String, Object>)
                new Load(LoadSettings.builder().build()).loadFromString(new String(file, StandardCharsets.UTF_8));
        Map<String, Object> sops = (Map<String, Object>) tree.get("sops");
        List<String> wrapped = new ArrayList<>();
        for (Object entry : (List<Object>) sops.get("age")) {
            wrapped.add(String.valueOf(((Map<String, Object>) entry).get("enc")));
        }
        return wrapped;
    }

    private static Path sopsAgeScript() {
        for (Path at = Path.of("").toAbsolutePath(); at != null; at = at.getParent()) {
            Path tools = at.resolve("test-tools");
            if (Files.isRegularFile(tools.resolve("package.json"))) {
                assertThat(tools.resolve("node_modules/sops-age/package.json"))
                        .as("sops-age is not installed: run 'npm ci' in " + tools + " (.ci/run does)")
                        .isRegularFile();
                return tools.resolve("sops-age-decrypt.mjs");
            }
        }
        throw new AssertionError(
                "no test-tools/package.json above " + Path.of("").toAbsolutePath());
    }
}
