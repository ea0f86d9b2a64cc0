package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.RenderedNameException;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.Verdict;
import dev.countersign.gitops.internal.Authority.Ruling;
import dev.countersign.gitops.internal.NameClaims.Collision;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Keeps the object names a renderer gives the stacks of an environment ({@link NameClaims}) injective, across
 * stacks, and clear of the reconciler's reserved names: at propose (a stack change against the stacks recorded
 * at its base; an environment change, which may switch the renderer, for every stack it renders again), at
 * approve and record on the draft commit, at record again against the head a change is rebased onto, and in
 * {@code verify} for every collision a recorded commit brings.
 */
final class RenderedNames {
    /** The rule a name claimed twice, or a reserved name, breaks. */
    static final String RULE = RenderedNameException.RULE;

    private RenderedNames() {}

    /**
     * Refuses a proposed stack whose rendered names collide with another stack's in the environment at the base,
     * or with a reserved name.
     *
     * @throws RenderedNameException naming both holders of the name
     */
    static void requireFree(GitStore git, CommitId base, Environment env, Stack proposed) {
        Map<String, Stack> stacks = stacks(git, base, env.name());
        stacks.remove(proposed.name());
        List<Stack> ordered = new ArrayList<>(stacks.values());
        ordered.add(proposed);
        NameClaims.collisions(env, ordered).stream()
                .filter(collision -> collision.involves(proposed.name()))
                .findFirst()
                .ifPresent(collision -> {
                    throw collision.exception();
                });
    }

    /**
     * Refuses an environment change under which two of the environment's stacks recorded at the base would
     * render one object name, or one a reserved name: a switch of the renderer renders every stack anew.
     *
     * @throws RenderedNameException naming both holders of the name
     */
    static void requireFree(GitStore git, CommitId base, Environment changed) {
        NameClaims.collisions(
                        changed, List.copyOf(stacks(git, base, changed.name()).values()))
                .stream()
                .findFirst()
                .ifPresent(collision -> {
                    throw collision.exception();
                });
    }

    /**
     * Judges a draft commit before it is approved or recorded, as {@link #requireFree} judges at propose: the
     * draft's stack against the others, or every stack under the draft's environment.
     *
     * @param git the repository
     * @param draft the draft commit
     * @param subject the stack or environment changed
     * @return a denial naming both holders and the name, or empty
     */
    static Optional<Ruling> broken(GitStore git, CommitId draft, Subject subject) {
        return denial(subject, collisions(git, draft, draft, subject));
    }

    /**
     * Refuses the record of a stack change whose names collide with a stack main gained since the change's base:
     * the record rebases the draft's edits onto the head.
     *
     * @throws dev.countersign.gitops.ActionDeniedException with rule {@value #RULE}, before anything is written
     */
    static void requireFreeOnRecord(GitStore git, Proposal r, CommitId head, String principal) {
        Subject subject = r.header().subject();
        Optional<Ruling> broken = denial(subject, collisions(git, head, DraftCommit.of(r), subject));
        if (broken.isPresent()) {
            throw broken.get().refusal("record", principal);
        }
    }

    /**
     * Lists the collisions a recorded commit brings into its environment: those it holds and its parent does
     * not. Nothing for an environment the commit does not define, or whose name is not valid (other rules
     * report those).
     *
     * @param git the repository
     * @param parent the commit's parent
     * @param commit the commit
     * @param environment the environment its trailers name
     * @return one text per collision, naming the rule, both holders and the name
     */
    static List<String> introduced(GitStore git, CommitId parent, CommitId commit, String environment) {
        try {
            Set<String> before = new HashSet<>(describe(environment, all(git, parent, environment)));
            return describe(environment, all(git, commit, environment)).stream()
                    .filter(text -> !before.contains(text))
                    .toList();
        } catch (GitOpsException | StackException e) {
            return List.of();
        }
    }

    /** The collisions of the subject when its stack (or environment) comes from one commit, the rest another. */
    private static List<Collision> collisions(GitStore git, CommitId others, CommitId draft, Subject subject) {
        return subject.fold(
                s -> RenderedLayout.environment(git, others, s.environment())
                        .map(env -> {
                            Map<String, Stack> stacks = stacks(git, others, s.environment());
                            stacks.remove(s.stack());
                            List<Stack> ordered = new ArrayList<>(stacks.values());
                            parsed(git, draft, s.environment(), s.stack()).ifPresent(ordered::add);
                            return NameClaims.collisions(env, ordered).stream()
                                    .filter(collision -> collision.involves(s.stack()))
                                    .toList();
                        })
                        .orElse(List.of()),
                e -> RenderedLayout.environment(git, draft, e.environment())
                        .map(env -> NameClaims.collisions(
                                env,
                                List.copyOf(stacks(git, others, e.environment()).values())))
                        .orElse(List.of()),
                p -> List.of());
    }

    private static List<Collision> all(GitStore git, CommitId commit, String environment) {
        return RenderedLayout.environment(git, commit, environment)
                .map(env -> NameClaims.collisions(
                        env, List.copyOf(stacks(git, commit, environment).values())))
                .orElse(List.of());
    }

    private static Optional<Ruling> denial(Subject subject, List<Collision> collisions) {
        return collisions.stream()
                .findFirst()
                .map(collision -> new Ruling(
                        Verdict.DENY,
                        RULE,
                        collision.describe(subject.environment()) + ": rename the stack or the component"));
    }

    private static List<String> describe(String environment, List<Collision> collisions) {
        return collisions.stream().map(c -> c.describe(environment)).toList();
    }

    /** The stacks recorded in an environment, by folder name; a folder whose stack does not parse claims none. */
    private static Map<String, Stack> stacks(GitStore git, CommitId commit, String environment) {
        Map<String, Stack> stacks = new TreeMap<>();
        for (String name : EnvironmentRendering.stacks(git, commit, environment)) {
            parsed(git, commit, environment, name).ifPresent(stack -> stacks.put(name, stack));
        }
        return stacks;
    }

    private static Optional<Stack> parsed(GitStore git, CommitId commit, String environment, String name) {
        try {
            return StackLayout.stack(git, commit, environment, name);
        } catch (StackException | GitOpsException e) {
            return Optional.empty();
        }
    }
}
