package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Policy, environment and stack files in a folder, and an initialized repository, for the gitops commands. */
record GitOpsFiles(Path folder, String repo, String stack, String stackV2) {
    static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: acme}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:dave",  roles: [member],   environments: ["*"]}
                - {principal: "agent:builder", roles: [member], environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
            """;

    static GitOpsFiles initialized(Path folder, String... initOptions) throws IOException {
        return initializedWith(folder, POLICY, initOptions);
    }

    static GitOpsFiles initializedWith(Path folder, String policy, String... initOptions) throws IOException {
        Files.writeString(folder.resolve("policy.yaml"), policy);
        Files.writeString(folder.resolve("staging.yaml"), """
                apiVersion: countersign.dev/v1
                kind: Environment
                metadata: {name: staging}
                spec: {cluster: staging-eu, variables: {replicas: 2}}
                """);
        GitOpsFiles files = new GitOpsFiles(
                folder, folder.resolve("repo").toString(), write(folder, "1.0.0"), write(folder, "2.0.0"));
        Cli init = Cli.run(Cli.with(
                new String[] {
                    "init",
                    "--repo",
                    files.repo(),
                    "--policy",
                    folder.resolve("policy.yaml").toString(),
                    "--environment",
                    folder.resolve("staging.yaml").toString()
                },
                initOptions));
        assertThat(init.code()).as(init.err()).isZero();
        return files;
    }

    private static String write(Path folder, String version) throws IOException {
        Path file = folder.resolve("web-" + version + ".yaml");
        Files.writeString(file, """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: web}
                spec:
                  components:
                    - name: api
                      helm: {repository: https://charts.example.com, chart: api, version: %s,
                             namespace: web, values: {replicas: "${replicas}"}}
                """.formatted(version));
        return file.toString();
    }

    String propose(String as, String stackFile) {
        Cli proposed = Cli.run(
                "propose",
                "--repo",
                repo,
                "--as",
                as,
                "--on-behalf-of",
                "human:dave",
                "--env",
                "staging",
                "--rationale",
                "ship it",
                stackFile);
        assertThat(proposed.code()).as(proposed.err()).isZero();
        return proposed.out().lines().findFirst().orElseThrow();
    }
}
