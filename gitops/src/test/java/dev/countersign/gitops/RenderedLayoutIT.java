package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.testing.Processes;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.sops.AgeKeys;
import dev.countersign.sops.FileFormat;
import dev.countersign.sops.Sops;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The renderer an environment names writes its files in the record's commit: Flux with the stack's secrets in
 * a sops-encrypted Secret (real {@code age-keygen} key, real {@code git}), Argo CD without them.
 */
class RenderedLayoutIT {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final Secrets SECRETS =
            Secrets.of(Map.of("api_token", "tok-PLAIN-flux", "admin_password", "pw-PLAIN-flux"));
    private static final String SECRET_FILE = "apps/staging/secured/secrets/secret.sops.yaml";

    @TempDir
    Path directory;

    @TempDir
    Path keys;

    private AgeIdentity identity;
    private GitOpsRepository repo;

    @BeforeEach
    void generateKey() throws Exception {
        Path key = keys.resolve("key.txt");
        assertThat(Processes.run(keys, "age-keygen", "-o", key.toString()).code())
                .isZero();
        identity = AgeIdentity.parse(Files.readAllLines(key).stream()
                .filter(line -> line.startsWith("AGE-SECRET-KEY-"))
                .findFirst()
                .orElseThrow());
    }

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private void open(String renderer) {
        Environment staging = StackFiles.parseEnvironment("""
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec:
                  cluster: staging-eu
                  variables: {domain: staging.example.com, replicas: 2}
                  renderer: %s
                  flux: {gitRepository: fleet, interval: 5m}
                  argocd: {repoURL: "https://git.example.com/fleet.git", targetRevision: main}
                """.formatted(renderer), "staging.yaml");
        repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, List.of(staging), List.of(identity.recipient()));
    }

    private Proposal recordSecured(Principal proposer, String version, Secrets secrets) {
        var stack = Samples.secured("${api_token}", version);
        Proposal proposed = secrets.isEmpty()
                ? repo.proposer(proposer).propose("staging", stack, "secured " + version, List.of())
                : repo.proposer(proposer).propose("staging", stack, secrets, "secured " + version, List.of());
        return repo.reviewer(ALICE).approve(proposed.id());
    }

    @Test
    void recordsFluxFilesWithTheSecretsInASopsEncryptedSecret() throws Exception {
        open("flux");
        Proposal recorded = recordSecured(BOB, "1.0.0", SECRETS);

        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(recorded.changedPaths())
                .contains(
                        "clusters/staging/secured.yaml",
                        "apps/staging/.sops.yaml",
                        "apps/staging/secured/admin/objects.yaml",
                        "apps/staging/secured/token/objects.yaml",
                        "apps/staging/secured/secrets/kustomization.yaml",
                        SECRET_FILE);
        assertThat(text("main:clusters/staging/secured.yaml"))
                .contains("name: secured-secrets", "name: fleet", "interval: 5m", "substituteFrom");
        assertThat(text("main:apps/staging/secured/admin/objects.yaml"))
                .contains("valuesKey: admin_password", "targetPath: password");
        assertThat(text("main:apps/staging/secured/token/objects.yaml")).contains("token: \"${api_token}\"");
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void writesASecretOnlyItsRecipientsDecryptWithItsMetadataReadable() throws Exception {
        open("flux");
        recordSecured(BOB, "1.0.0", SECRETS);
        byte[] encrypted = show("main:" + SECRET_FILE);

        Map<?, ?> file = (Map<?, ?>)
                new Load(LoadSettings.builder().build()).loadFromString(new String(encrypted, StandardCharsets.UTF_8));
        assertThat(((Map<?, ?>) file.get("metadata")).get("name")).isEqualTo("secured-secrets");
        assertThat(((Map<?, ?>) file.get("metadata")).get("namespace")).isEqualTo("flux-system");
        assertThat(((Map<?, ?>) file.get("stringData")).values())
                .hasSize(2)
                .allSatisfy(value -> assertThat(value.toString()).startsWith("ENC[AES256_GCM,"));
        assertThat(((Map<?, ?>) file.get("sops")).get("encrypted_regex")).isEqualTo("^(data|stringData)$");
        String plain = new String(
                Sops.builder()
                        .keySource(AgeKeys.source(List.of(identity)))
                        .build()
                        .decrypt(encrypted, FileFormat.YAML),
                StandardCharsets.UTF_8);
        assertThat(plain).contains("api_token: tok-PLAIN-flux", "admin_password: pw-PLAIN-flux", "kind: Secret");
        assertThat(allObjects()).doesNotContain("tok-PLAIN-flux", "pw-PLAIN-flux");
    }

    /**
     * The recorded Flux Secret opens with a second SOPS implementation, the npm peer {@code sops-age} (pinned in
     * {@code test-tools/}), with the {@code age-keygen} key: what kustomize-controller decrypts is a plain sops
     * file, not something only Countersign reads.
     */
    @Test
    void writesASecretThePeerSopsAgeDecrypts() throws Exception {
        open("flux");
        recordSecured(BOB, "1.0.0", SECRETS);
        Path file = keys.resolve("secret.sops.yaml");
        Files.write(file, show("main:" + SECRET_FILE));

        Processes.Result peer = Processes.run(
                keys,
                "node",
                sopsAgeScript().toString(),
                file.toString(),
                keys.resolve("key.txt").toString(),
                "yaml");

        assertThat(peer.code()).as("sops-age failed: " + peer.err()).isZero();
        JsonNode secret = JsonMapper.builder().build().readTree(peer.out());
        assertThat(secret.path("apiVersion").asString()).isEqualTo("v1");
        assertThat(secret.path("kind").asString()).isEqualTo("Secret");
        assertThat(secret.path("metadata").path("name").asString()).isEqualTo("secured-secrets");
        assertThat(secret.path("stringData").path("api_token").asString()).isEqualTo("tok-PLAIN-flux");
        assertThat(secret.path("stringData").path("admin_password").asString()).isEqualTo("pw-PLAIN-flux");
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

    @Test
    void carriesTheSecretOverByteForByteWhenAnAgentChangesTheStack() throws Exception {
        open("flux");
        recordSecured(BOB, "1.0.0", SECRETS);
        byte[] before = show("main:" + SECRET_FILE);

        Proposal upgrade = recordSecured(AGENT, "2.0.0", Secrets.of(Map.of()));

        assertThat(upgrade.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(upgrade.changedPaths())
                .doesNotContain(SECRET_FILE)
                .contains("apps/staging/secured/admin/objects.yaml");
        assertThat(show("main:" + SECRET_FILE)).isEqualTo(before);
        assertThat(repo.verify(null).findings()).isEmpty();
    }

    @Test
    void recordsArgoCdApplicationsAndARevertRendersThemAgain() throws Exception {
        open("argocd");
        recordSecured(BOB, "1.0.0", SECRETS);
        byte[] first = show("main:argocd/staging/secured/apps/admin.yaml");
        Proposal recorded = recordSecured(AGENT, "2.0.0", Secrets.of(Map.of()));
        assertThat(text("main:argocd/staging/secured/apps/admin.yaml")).contains("targetRevision: \"2.0.0\"");

        assertThat(text("main:argocd/staging/secured.yaml"))
                .contains("repoURL: https://git.example.com/fleet.git", "targetRevision: main");
        assertThat(text("main:argocd/staging/secured/apps/admin.yaml"))
                .contains("sync-wave: \"1\"")
                .doesNotContain("pw-PLAIN-flux");
        Proposal revert = repo.proposer(BOB)
                .proposeRevert(java.util.Objects.requireNonNull(recorded.recordedCommit()), "take it out");
        assertThat(repo.reviewer(ALICE).approve(revert.id()).state()).isEqualTo(ProposalState.RECORDED);

        assertThat(show("main:argocd/staging/secured/apps/admin.yaml")).isEqualTo(first);
        assertThat(repo.verify(null).findings()).isEmpty();
        assertThat(allObjects()).doesNotContain("tok-PLAIN-flux", "pw-PLAIN-flux");
    }

    private String text(String object) throws IOException, InterruptedException {
        return new String(show(object), StandardCharsets.UTF_8);
    }

    private byte[] show(String object) throws IOException, InterruptedException {
        Processes.Result result = Processes.run(directory, "git", "--git-dir=" + directory, "show", object);
        assertThat(result.code()).as(result.err()).isZero();
        return result.out().getBytes(StandardCharsets.UTF_8);
    }

    private String allObjects() throws IOException, InterruptedException {
        return Processes.run(directory, "git", "--git-dir=" + directory, "cat-file", "--batch-all-objects", "--batch")
                .out();
    }
}
