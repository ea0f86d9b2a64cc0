package com.example.consumer;

import dev.countersign.gitops.ApprovalOutcome;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalRequest;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Verification;
import dev.countersign.policy.Policy;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;

/** What a host application does with Countersign: init, propose, approve, record, verify; exits 1 if one fails. */
public final class Main {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");
    private static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: consumer}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record]
              bindings:
                - {principal: "human:alice",   roles: [approver], environments: ["*"]}
                - {principal: "human:dave",    roles: [member],   environments: ["*"]}
                - {principal: "agent:builder", roles: [member],   environments: ["*"]}
              environments:
                staging:
                  approvals: {required: 1, from: [approver]}
                  freeze:
                    - {from: "2026-12-20T00:00:00Z", to: "2027-01-05T00:00:00Z", reason: year-end freeze}
            """;
    private static final String ENVIRONMENT = """
            apiVersion: countersign.dev/v1
            kind: Environment
            metadata: {name: staging}
            spec: {cluster: staging-eu, variables: {domain: staging.example.com}}
            """;
    private static final String STACK = """
            apiVersion: countersign.dev/v1
            kind: Stack
            metadata: {name: web}
            spec:
              components:
                - name: api
                  helm: {repository: https://charts.example.com, chart: api, version: 1.0.0,
                         namespace: web, values: {host: "api.${domain}"}}
            """;

    private Main() {}

    /**
     * Runs the story in a new repository.
     *
     * @param args the directory to create the repository in, and {@code named} when Countersign runs as named
     *     modules
     * @throws IOException if the repository's directory cannot be created
     */
    public static void main(String[] args) throws IOException {
        Files.createDirectories(Path.of(args[0]));
        Path directory = Files.createTempDirectory(Path.of(args[0]), "repository");
        boolean named = args.length > 1 && args[1].equals("named");
        check(
                GitOpsRepository.class.getModule().isNamed() == named,
                "Countersign runs in " + GitOpsRepository.class.getModule());
        String id = proposeAndApproveInAFreeze(directory);
        try (GitOpsRepository repository = open(directory, "2027-01-06T09:00:00Z")) {
            Proposal recorded = repository.record(id, ALICE);
            check(recorded.state() == ProposalState.RECORDED, "recorded after the freeze: " + recorded.state());
            Verification verification = repository.verify();
            check(verification.isClean(), "verify finds nothing: " + verification.findings());
            check(verification.commitsChecked() == 2, "verify checks 2 commits: " + verification.commitsChecked());
            System.out.println("consumer ok: " + Main.class.getModule() + " recorded " + recorded.recordedCommit());
        }
    }

    private static String proposeAndApproveInAFreeze(Path directory) {
        try (GitOpsRepository repository = open(directory, "2026-12-21T10:00:00Z")) {
            Environment staging = StackFiles.parseEnvironment(ENVIRONMENT, "staging.yaml");
            repository.initialize(ALICE, Policy.parse(POLICY), List.of(staging));
            Stack web = StackFiles.parseStack(STACK, "web.yaml");
            Proposal proposed = repository
                    .proposer(AGENT)
                    .propose(ProposalRequest.of("staging", web)
                            .rationale("add the web stack")
                            .evidence(List.of("https://tickets.example/OPS-1")));
            ApprovalOutcome outcome = repository.reviewer(ALICE).submitApproval(proposed.id());
            check(outcome.isApproved() && !outcome.isRecorded(), "approved, record held: " + outcome.state());
            check(outcome.approvals() == 1 && outcome.missingApprovals() == 0, "one approval counted: " + outcome);
            return proposed.id();
        }
    }

    private static GitOpsRepository open(Path directory, String now) {
        return GitOpsRepository.open(directory, Clock.fixed(Instant.parse(now), ZoneOffset.UTC), new SecureRandom());
    }

    private static void check(boolean holds, String what) {
        if (!holds) {
            throw new IllegalStateException("consumer check failed: " + what);
        }
    }
}
