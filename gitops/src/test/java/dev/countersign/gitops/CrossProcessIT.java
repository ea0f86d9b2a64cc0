package dev.countersign.gitops;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.io.File;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Two JVMs racing approvals and records on one repository directory: nothing lost, nothing doubled. */
class CrossProcessIT {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));

    @TempDir
    Path directory;

    @TempDir
    Path logs;

    /**
     * The child process: approves its proposals as one human, then tries to record every proposal.
     *
     * @param args the repository, the approver, the ids to approve, "--", every id
     */
    public static void main(String[] args) {
        int split = List.of(args).indexOf("--");
        try (GitOpsRepository repo = GitOpsRepository.open(Path.of(args[0]))) {
            for (String id : List.of(args).subList(2, split)) {
                repo.reviewer(Principal.parse(args[1])).approve(id);
            }
            for (String id : List.of(args).subList(split + 1, args.length)) {
                recordIfApproved(repo, id);
            }
        }
    }

    private static void recordIfApproved(GitOpsRepository repo, String id) {
        try {
            if (repo.proposal(id).state() == ProposalState.APPROVED) {
                repo.record(id, Principal.human("alice"));
            }
        } catch (IllegalTransitionException e) {
            // the other process recorded it between the read and the record: the refusal is the point
            if (repo.proposal(id).state() != ProposalState.RECORDED) {
                throw e;
            }
        }
    }

    @Test
    void recordsEveryApprovedProposalExactlyOnceAcrossProcesses() throws Exception {
        List<String> ids = new ArrayList<>();
        try (GitOpsRepository repo =
                GitOpsRepository.open(directory, java.time.Clock.systemUTC(), new SecureRandom())) {
            repo.initialize(Principal.human("alice"), Samples.POLICY, Samples.ENVIRONMENTS);
            for (String name : List.of("a", "b", "c", "d", "e", "f")) {
                ids.add(repo.proposer(AGENT)
                        .propose("staging", named(name), "add " + name, List.of())
                        .id());
            }
        }

        Process first = child("human:alice", ids.subList(0, 3), ids);
        Process second = child("human:bob", ids.subList(3, 6), ids);

        assertThat(first.waitFor()).as(output("human:alice")).isZero();
        assertThat(second.waitFor()).as(output("human:bob")).isZero();
        try (GitOpsRepository repo = GitOpsRepository.open(directory)) {
            List<String> recorded = repo.log().stream()
                    .map(RecordedChange::proposal)
                    .filter(proposal -> !proposal.isEmpty())
                    .toList();
            assertThat(recorded).containsExactlyInAnyOrderElementsOf(ids);
            assertThat(ids)
                    .allSatisfy(id -> assertThat(repo.proposal(id).state()).isEqualTo(ProposalState.RECORDED));
            assertThat(repo.verify(null).findings()).isEmpty();
        }
    }

    private Process child(String approver, List<String> approve, List<String> all) throws Exception {
        List<String> command = new ArrayList<>(List.of(
                Paths.get(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath(),
                CrossProcessIT.class.getName(),
                directory.toString(),
                approver));
        command.addAll(approve);
        command.add("--");
        command.addAll(all);
        return new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(
                        logs.resolve(approver.replace(':', '-') + ".log").toFile())
                .start();
    }

    private static String classPath() throws Exception {
        String tests = Paths.get(CrossProcessIT.class
                        .getProtectionDomain()
                        .getCodeSource()
                        .getLocation()
                        .toURI())
                .toString();
        return Stream.of(tests, System.getProperty("jdk.module.path", ""), System.getProperty("java.class.path", ""))
                .filter(part -> !part.isEmpty())
                .collect(Collectors.joining(File.pathSeparator));
    }

    private String output(String approver) {
        try {
            return java.nio.file.Files.readString(logs.resolve(approver.replace(':', '-') + ".log"));
        } catch (java.io.IOException e) {
            return "output unreadable: " + e.getMessage();
        }
    }

    private static Stack named(String name) {
        Stack web = Samples.web("1.0.0");
        return new Stack(name, web.variables(), web.components());
    }
}
