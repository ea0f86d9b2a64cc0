package dev.countersign.gitops;

import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A host that proposes, approves and records in a loop until it is killed, reporting on standard output
 * each outcome once it is durable. {@link CrashIT} runs it in a child JVM and kills it with SIGKILL.
 */
final class CrashingHost {
    private static final Principal AGENT = Principal.agent("builder").actingFor(Principal.human("dave"));
    private static final Principal ALICE = Principal.human("alice");

    private CrashingHost() {}

    public static void main(String[] args) {
        PrintStream out = System.out;
        SplittableRandom random = new SplittableRandom(Long.parseLong(args[1]));
        try (GitOpsRepository repo = GitOpsRepository.open(Path.of(args[0]))) {
            if (!repo.isInitialized()) {
                repo.initialize(ALICE, Samples.POLICY, Samples.ENVIRONMENTS);
            }
            for (Proposal approved : repo.proposals(ProposalState.APPROVED)) {
                report(out, repo.record(approved.id(), ALICE));
            }
            out.println("ready");
            out.flush();
            while (true) {
                int n = random.nextInt(1_000_000_000);
                Proposal proposal = repo.proposer(AGENT).propose("staging", stack(n), "change " + n, List.of());
                report(out, repo.reviewer(ALICE).approve(proposal.id()));
            }
        }
    }

    private static void report(PrintStream out, Proposal outcome) {
        out.println(outcome.state() + " " + outcome.id());
        out.flush();
    }

    /** One in four proposals touches the shared stack; the rest each touch a stack of their own. */
    private static Stack stack(int n) {
        Stack web = Samples.web("1.0." + n);
        return new Stack(n % 4 == 0 ? "shared" : "stack-" + n, web.variables(), web.components());
    }
}
