package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.stack.Environment;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/**
 * Adds an environment change's topology change to its policy requests: the topology recorded at the proposal's
 * base against the one proposed, costed with the price catalogue recorded at the base. A retirement (no
 * proposed environment file) carries none: it removes no cluster here, only the environment's definition.
 */
final class TopologyRequests {
    private TopologyRequests() {}

    static PolicyRequest.Builder with(PolicyRequest.Builder request, GitStore git, Authority.Ask ask, String env) {
        CommitId base = ask.proposal().header().base();
        Optional<Environment> proposed = proposed(git, ask, env);
        if (proposed.isEmpty()) {
            return request;
        }
        return request.topology(
                environment(git, base, env).map(Environment::topology).orElse(null),
                proposed.get().topology(),
                PricingFile.at(git, base).orElse(null));
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
