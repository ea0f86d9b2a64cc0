package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.StackFiles;
import dev.countersign.stack.Topology;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * Adds an environment change's topology change to its policy requests: the topology recorded at the proposal's
 * base against the one proposed, costed with the price catalogue recorded at the base. A retirement (no
 * proposed environment file) carries none: it removes no cluster here, only the environment's definition.
 */
final class TopologyRequests {
    private TopologyRequests() {}

    /**
     * Reads an environment change's topology once: the recorded and proposed topology and the catalogue at the
     * base, to be added to each request the change is judged by.
     *
     * @return what adds the topology change to a request; the request itself when there is no proposed environment
     */
    static UnaryOperator<PolicyRequest.Builder> of(GitStore git, Authority.Ask ask, String env) {
        CommitId base = ask.proposal().header().base();
        Optional<Environment> proposed = proposed(git, ask, env);
        if (proposed.isEmpty()) {
            return request -> request;
        }
        Topology recorded =
                environment(git, base, env).map(Environment::topology).orElse(null);
        Pricing pricing = PricingFile.at(git, base).orElse(null);
        Topology after = proposed.get().topology();
        return request -> request.topology(recorded, after, pricing);
    }

    private static Optional<Environment> proposed(GitStore git, Authority.Ask ask, String env) {
        String text = ask.proposedText();
        if (text != null) {
            return Optional.of(StackFiles.parseEnvironment(text, Layout.environmentFile(env)));
        }
        CommitId draft = ask.proposal().progress().draft();
        return draft == null ? Optional.empty() : environment(git, draft, env);
    }

    private static Optional<Environment> environment(GitStore git, CommitId commit, String env) {
        String path = Layout.environmentFile(env);
        return git.read(commit, path)
                .map(bytes -> StackFiles.parseEnvironment(new String(bytes, StandardCharsets.UTF_8), path));
    }
}
