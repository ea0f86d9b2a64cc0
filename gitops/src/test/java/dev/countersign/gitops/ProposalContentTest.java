package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.content.Change;
import dev.countersign.gitops.content.ComponentDiff;
import dev.countersign.gitops.content.ContentView;
import dev.countersign.gitops.content.DiffLine;
import dev.countersign.gitops.content.FileDiff;
import dev.countersign.gitops.content.Hunk;
import dev.countersign.gitops.content.Impact;
import dev.countersign.gitops.content.SecretDiff;
import dev.countersign.gitops.content.VariableValue;
import dev.countersign.policy.Principal;
import dev.countersign.sops.AgeIdentity;
import dev.countersign.stack.Environment;
import dev.countersign.stack.RendererChoice;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/** The content view of a proposal ({@link GitOpsRepository#content(String)}): what exactly an approval covers. */
class ProposalContentTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-24T10:00:00Z"), ZoneOffset.UTC);
    private static final Principal ALICE = Principal.human("alice");
    private static final Principal BOB = Principal.human("bob");
    private static final String FOLDER = "environments/staging/secured/";
    private static final List<String> PLAINTEXTS =
            List.of("tok-PLAIN-one", "tok-PLAIN-two", "pw-PLAIN-one", "key-PLAIN");

    @TempDir
    Path directory;

    private GitOpsRepository repo;

    @AfterEach
    void close() {
        if (repo != null) {
            repo.close();
        }
    }

    private GitOpsRepository open(List<Environment> environments, List<String> recipients) {
        repo = GitOpsRepository.open(directory, CLOCK, new SecureRandom());
        repo.initialize(ALICE, Samples.POLICY, environments, recipients);
        return repo;
    }

    private static String recipient() {
        return AgeIdentity.generate(new SecureRandom()).recipient();
    }

    /** One repository for every case: the stack recorded, then the second version proposed, read once. */
    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class AStackWithSecrets {
        private GitOpsRepository secured;
        private ContentView view;

        @BeforeAll
        void proposeTheSecondVersionOnce(@TempDir Path shared) {
            secured = GitOpsRepository.open(shared, CLOCK, new SecureRandom());
            secured.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS, List.of(recipient()));
            Proposal first = secured.proposer(BOB)
                    .propose(
                            "staging",
                            Samples.secured("${api_token}", "1.0.0"),
                            Secrets.of(Map.of("api_token", "tok-PLAIN-one", "admin_password", "pw-PLAIN-one")),
                            "add secured",
                            List.of());
            secured.reviewer(ALICE).approve(first.id());
            Proposal second = secured.proposer(BOB)
                    .propose(
                            "staging",
                            secondVersion(),
                            Secrets.of(Map.of(
                                    "api_token",
                                    "tok-PLAIN-two",
                                    "admin_password",
                                    "pw-PLAIN-one",
                                    "new_key",
                                    "key-PLAIN")),
                            "bump admin, add web, add a key",
                            List.of());
            view = secured.content(second.id());
        }

        @AfterAll
        void closeTheRepository() {
            secured.close();
        }

        @Test
        void showsAnAddedComponentInFullWithItsValues() {
            ComponentDiff web = byName(view.components(), ComponentDiff::name, "web");

            assertThat(web.change()).isEqualTo(Change.ADDED);
            assertThat(web.hunks()).hasSize(1);
            assertThat(web.hunks().get(0).lines())
                    .allMatch(line -> line.kind() == DiffLine.Kind.ADDED)
                    .extracting(DiffLine::text)
                    .contains("name: web", "    replicas: \"${replicas}\"");
        }

        @Test
        void showsAChangedComponentAsAHunkWithTheSecretReferenceKept() {
            ComponentDiff admin = byName(view.components(), ComponentDiff::name, "admin");

            assertThat(admin.change()).isEqualTo(Change.CHANGED);
            List<String> lines = admin.hunks().stream()
                    .flatMap(hunk -> hunk.lines().stream())
                    .map(DiffLine::unified)
                    .toList();
            assertThat(lines).contains("-  version: \"1.0.0\"", "+  version: \"1.1.0\"", "+    apiKey: \"${new_key}\"");
            assertThat(lines)
                    .filteredOn(line -> line.startsWith("-") || line.startsWith("+"))
                    .hasSize(4);
            assertThat(view.components()).extracting(ComponentDiff::name).containsExactly("admin", "web");
        }

        @Test
        void bumpsTheChartFromBeforeToAfter() {
            ChartChange admin = byName(view.chartChanges(), ChartChange::component, "admin");

            assertThat(admin.status()).isEqualTo("changed");
            assertThat(admin.versionBefore()).isEqualTo("1.0.0");
            assertThat(admin.versionAfter()).isEqualTo("1.1.0");
            assertThat(byName(view.chartChanges(), ChartChange::component, "web")
                            .status())
                    .isEqualTo("added");
        }

        @Test
        void showsSecretsAddedChangedAndUnchangedByFingerprintOnly() {
            Map<String, SecretDiff> secrets =
                    view.secrets().stream().collect(Collectors.toMap(SecretDiff::name, Function.identity()));

            assertThat(secrets.get("new_key").change()).isEqualTo(Change.ADDED);
            assertThat(secrets.get("new_key").fingerprintBefore()).isNull();
            assertThat(secrets.get("new_key").fingerprintAfter()).startsWith("pbkdf2-sha256:");
            assertThat(secrets.get("api_token").change()).isEqualTo(Change.CHANGED);
            assertThat(secrets.get("api_token").fingerprintBefore())
                    .isNotEqualTo(secrets.get("api_token").fingerprintAfter());
            assertThat(secrets.get("admin_password").change()).isEqualTo(Change.UNCHANGED);
            assertThat(secrets.get("admin_password").fingerprintBefore())
                    .isEqualTo(secrets.get("admin_password").fingerprintAfter());
        }

        @Test
        void showsASecretPlaceThatWasAbsentAsAddedNotChanged() {

            assertThat(secured.review(view.proposal()).secrets())
                    .containsEntry("admin:/helm/values/apiKey", "added")
                    .containsEntry("admin:/helm/values/password", "unchanged")
                    .containsEntry("token:/manifests/0/stringData/token", "unchanged");
        }

        @Test
        void diffsEveryFileTheRecordWritesWithEncryptedFilesByDigest() {
            Map<String, FileDiff> files =
                    view.files().stream().collect(Collectors.toMap(FileDiff::path, Function.identity()));

            assertThat(files).containsKeys(FOLDER + "stack.yaml", FOLDER + "rendered.yaml");
            FileDiff stack = files.get(FOLDER + "stack.yaml");
            assertThat(stack.change()).isEqualTo(Change.CHANGED);
            assertThat(((FileDiff.Text) stack).hunks()).isNotEmpty();
            FileDiff.Encrypted sops = (FileDiff.Encrypted) files.get(FOLDER + "secrets.sops.yaml");
            assertThat(sops.change()).isEqualTo(Change.CHANGED);
            assertThat(sops.digestBefore()).startsWith("sha256:").isNotEqualTo(sops.digestAfter());
            assertThat(sops.toTree()).doesNotContainKey("hunks");
        }

        @Test
        void resolvesVariablesWithTheirProvenanceAndRedactsSecrets() {
            List<VariableValue> variables = view.variables();

            VariableValue replicas = byName(variables, VariableValue::variable, "replicas");
            assertThat(replicas.location()).isEqualTo("web:/helm/values/replicas");
            assertThat(replicas.value()).hasToString("2");
            assertThat(replicas.scope()).isEqualTo("environment");
            assertThat(replicas.source()).isEqualTo(".countersign/environments/staging.yaml");
            assertThat(variables)
                    .contains(new VariableValue(
                            "domain",
                            "admin:/helm/values/host",
                            "environment",
                            ".countersign/environments/staging.yaml",
                            "admin.staging.example.com",
                            false));
            VariableValue password = byName(variables, VariableValue::variable, "admin_password");
            assertThat(password.secret()).isTrue();
            assertThat(password.value()).isEqualTo(VariableValue.REDACTED);
            assertThat(password.source()).isEqualTo(FOLDER + "secrets.sops.yaml");
        }

        @Test
        void namesWhatDependsOnAChangedComponent() {
            assertThat(view.blastRadius()).containsExactly(new Impact("admin", Change.CHANGED, List.of("web")));
        }

        @Test
        void neverHoldsASecretValueInAnyForm() {
            String everything =
                    view.toString() + StackFiles.toJson(view.toTree()) + StackFiles.toYaml(List.of(view.toTree()));

            assertThat(everything).contains("pbkdf2-sha256:", "sha256:");
            PLAINTEXTS.forEach(plain -> assertThat(everything).doesNotContain(plain));
        }

        @Test
        void writesAStableTreeWithSortedKeys() {
            Map<String, Object> tree = view.toTree();

            assertThat(tree.keySet())
                    .containsExactly(
                            "blastRadius",
                            "charts",
                            "components",
                            "environment",
                            "files",
                            "proposal",
                            "schema",
                            "secrets",
                            "stack",
                            "subject",
                            "variables");
            assertThat(tree).containsEntry("schema", ContentView.SCHEMA).containsEntry("subject", "stack");
            assertThat(StackFiles.toJson(tree))
                    .contains("\"change\" : \"added\"", "\"kind\" : \"encrypted\"", "\"header\" : \"@@ -0,0 +1,");
        }
    }

    @Test
    void showsARemovedComponentInFullWithWhatDependedOnIt() {
        open(Samples.ENVIRONMENTS, List.of());
        repo.reviewer(ALICE)
                .approve(repo.proposer(BOB)
                        .propose("staging", Samples.web("1.0.0"), "add web", List.of())
                        .id());
        Proposal removal = repo.proposer(BOB).propose("staging", Samples.webWithoutDatabase(), "drop db", List.of());

        ContentView view = repo.content(removal.id());

        ComponentDiff database = byName(view.components(), ComponentDiff::name, "database");
        assertThat(database.change()).isEqualTo(Change.REMOVED);
        assertThat(database.hunks().get(0).lines())
                .allMatch(line -> line.kind() == DiffLine.Kind.REMOVED)
                .extracting(DiffLine::text)
                .contains("name: database", "    size: 10Gi");
        assertThat(database.hunks().get(0))
                .extracting(Hunk::newStart, Hunk::newCount)
                .containsExactly(0, 0);
        assertThat(view.blastRadius()).contains(new Impact("database", Change.REMOVED, List.of("api")));
    }

    @Test
    void diffsTheFluxFilesTheRecordWrites() {
        Environment flux =
                new Environment("staging", "staging-eu", Map.of("domain", "example.com"), RendererChoice.FLUX);
        open(List.of(flux), List.of());

        ContentView view = repo.content(repo.proposer(BOB)
                .propose("staging", Samples.web("1.0.0"), "add web", List.of())
                .id());

        assertThat(view.files())
                .extracting(FileDiff::path)
                .contains("environments/staging/web/stack.yaml")
                .anyMatch(path -> path.startsWith("apps/staging/web/") || path.startsWith("clusters/staging/"));
        assertThat(view.files()).allMatch(file -> file.change() == Change.ADDED);
    }

    @Test
    void showsOnlyTheFilesOfAnEnvironmentChange() {
        open(Samples.ENVIRONMENTS, List.of());
        Environment grown =
                Samples.ENVIRONMENTS.get(0).withVariables(Map.of("domain", "staging.example.com", "replicas", 4));

        ContentView view = repo.content(repo.proposer(BOB)
                .proposeEnvironment(grown, "more replicas", List.of())
                .id());

        assertThat(view.subject()).isEqualTo("environment");
        assertThat(view.components()).isEmpty();
        FileDiff.Text file =
                (FileDiff.Text) byName(view.files(), FileDiff::path, ".countersign/environments/staging.yaml");
        assertThat(file.hunks().get(0).lines())
                .extracting(DiffLine::unified)
                .contains("-    replicas: 2", "+    replicas: 4");
    }

    private static Stack secondVersion() {
        return StackFiles.parseStack("""
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: secured}
                spec:
                  components:
                    - name: token
                      manifests:
                        - apiVersion: v1
                          kind: Secret
                          metadata: {name: api-token, namespace: secured}
                          type: Opaque
                          stringData: {token: "${api_token}"}
                    - name: admin
                      dependsOn: [token]
                      helm: {repository: https://charts.example.com, chart: admin, version: 1.1.0,
                             namespace: secured, values: {password: "${admin_password}", host: "admin.${domain}",
                             apiKey: "${new_key}"}}
                      secrets: [/password, /apiKey]
                    - name: web
                      dependsOn: [admin]
                      helm: {repository: https://charts.example.com, chart: web, version: 2.0.0,
                             namespace: secured, values: {replicas: "${replicas}"}}
                """, "secured.yaml");
    }

    private static <T> T byName(List<T> items, Function<T, String> name, String wanted) {
        return items.stream()
                .filter(item -> name.apply(item).equals(wanted))
                .findFirst()
                .orElseThrow();
    }
}
