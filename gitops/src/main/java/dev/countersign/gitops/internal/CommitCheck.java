package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Finding;
import dev.countersign.gitops.Subject;
import dev.countersign.gitops.internal.git.CommitInfo;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Trailers;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** The checks of one main-line commit against the contract; collects findings instead of failing fast. */
final class CommitCheck {
    private static final List<String> REQUIRED = List.of(
            Trailers.PROPOSAL,
            Trailers.ENVIRONMENT,
            Trailers.STACK,
            Trailers.PROPOSED_BY,
            Trailers.CONTENT_HASH,
            Trailers.POLICY,
            Trailers.DECISION);

    private final GitStore git;
    private final ProposalStore store;
    private final Authority.Source authorities;
    private final CommitInfo commit;
    private final Trailers trailers;
    private final List<Finding> findings = new ArrayList<>();

    CommitCheck(GitStore git, ProposalStore store, Authority.Source authorities, CommitInfo commit) {
        this.git = git;
        this.store = store;
        this.authorities = authorities;
        this.commit = commit;
        this.trailers = commit.trailers();
    }

    List<Finding> run() {
        if (commit.parents().isEmpty()) {
            checkRoot();
        } else if (commit.parents().size() > 1) {
            add("merge-commit", "main must be a line of recorded changes, not a merge");
        } else if (hasTrailers()) {
            checkChange(commit.parents().get(0));
        }
        return findings;
    }

    private void checkRoot() {
        List<String> outside = git.changedPaths(null, commit.id()).stream()
                .filter(path -> !Layout.isConfigPath(path))
                .toList();
        if (!outside.isEmpty()) {
            add("root-outside-config", "the root commit may hold only configuration, but holds " + outside);
        }
    }

    /**
     * Returns the subject the trailers claim: an environment change carries {@code Countersign-Subject:
     * environment}, a policy change {@code Countersign-Subject: policy} alone.
     */
    private Subject claimedSubject() {
        List<String> subject = trailers.all(Trailers.SUBJECT);
        if (subject.isEmpty()) {
            return new Subject.StackChange(value(Trailers.ENVIRONMENT), value(Trailers.STACK));
        }
        return subject.equals(List.of(Trailers.POLICY_SUBJECT))
                ? new Subject.PolicyChange()
                : new Subject.EnvironmentChange(value(Trailers.ENVIRONMENT));
    }

    private List<String> missing(List<String> required) {
        return required.stream().filter(key -> trailers.single(key).isEmpty()).collect(Collectors.toList());
    }

    private List<String> missingOfEnvironmentChange() {
        List<String> missing = missing(
                REQUIRED.stream().filter(key -> !key.equals(Trailers.STACK)).toList());
        if (!trailers.all(Trailers.STACK).isEmpty()
                || !trailers.single(Trailers.SUBJECT).orElse("").equals(Trailers.ENVIRONMENT_SUBJECT)) {
            missing.add(Trailers.SUBJECT + ": " + Trailers.ENVIRONMENT_SUBJECT + " without " + Trailers.STACK);
        }
        return missing;
    }

    private List<String> missingOfPolicyChange() {
        List<String> missing = missing(
                REQUIRED.stream().filter(key -> !key.equals(Trailers.STACK)).toList());
        if (!trailers.all(Trailers.STACK).isEmpty()
                || !value(Trailers.ENVIRONMENT).equals(Subject.PolicyChange.EVERY_ENVIRONMENT)) {
            missing.add(Trailers.ENVIRONMENT + ": " + Subject.PolicyChange.EVERY_ENVIRONMENT + " without "
                    + Trailers.STACK);
        }
        return missing;
    }

    private boolean hasTrailers() {
        List<String> missing = claimedSubject()
                .fold(stack -> missing(REQUIRED), env -> missingOfEnvironmentChange(), p -> missingOfPolicyChange());
        if (trailers.all(Trailers.APPROVED_BY).isEmpty()) {
            missing.add(Trailers.APPROVED_BY);
        }
        if (!missing.isEmpty()) {
            add("missing-trailers", "not recorded through Countersign: missing or repeated " + missing);
        }
        return missing.isEmpty();
    }

    private void checkChange(CommitId parent) {
        claimedSubject()
                .<Runnable>fold(
                        stack -> () -> checkStackChange(parent),
                        env -> () -> checkEnvironmentChange(parent, env),
                        policy -> () -> checkPolicyChange(parent, policy))
                .run();
        RenderedNames.introduced(git, parent, commit.id(), value(Trailers.ENVIRONMENT))
                .forEach(collision -> add(RenderedNames.RULE, collision));
    }

    private void checkStackChange(CommitId parent) {
        String folder;
        try {
            folder = Layout.stackFolder(value(Trailers.ENVIRONMENT), value(Trailers.STACK));
        } catch (dev.countersign.gitops.InvalidProposalException e) {
            add("inconsistent-trailers", String.valueOf(e.getMessage()));
            return;
        }
        checkPaths(parent, folder);
        checkChanges(parent, new Subject.StackChange(value(Trailers.ENVIRONMENT), value(Trailers.STACK)));
        checkSecrets(parent, folder);
        checkContentHash();
        checkRendered();
        checkDecision(parent);
    }

    private void checkDecision(CommitId parent) {
        new DecisionCheck(git, store, authorities, commit, this::add).check(parent);
    }

    private void checkEnvironmentChange(CommitId parent, Subject.EnvironmentChange subject) {
        String env = subject.environment();
        try {
            Layout.environmentFile(env);
        } catch (dev.countersign.gitops.InvalidProposalException e) {
            add("inconsistent-trailers", String.valueOf(e.getMessage()));
            return;
        }
        List<String> changed = git.changedPaths(parent, commit.id());
        EnvironmentContentCheck content = new EnvironmentContentCheck(git, commit.id(), this::add);
        content.checkPaths(parent, env, changed);
        checkChanges(parent, subject);
        SecretRules.brokenByEnvironmentChange(
                        changed,
                        path -> git.read(commit.id(), path).orElse(null),
                        value(Trailers.PROPOSED_BY),
                        trailers.single(Trailers.ON_BEHALF_OF).orElse(null),
                        trailers.single(Trailers.REVERTS).isPresent())
                .ifPresent(ruling -> add(ruling.rule(), ruling.explanation()));
        content.checkHashAndRenderings(env, value(Trailers.CONTENT_HASH));
        checkDecision(parent);
    }

    /**
     * A policy change writes the governed files alone (the policy and the price catalogue), a valid policy and a
     * usable catalogue, and is decided under the parent's policy.
     */
    private void checkPolicyChange(CommitId parent, Subject.PolicyChange subject) {
        List<String> outside = git.changedPaths(parent, commit.id()).stream()
                .filter(path -> !PolicyDraft.GOVERNED.contains(path))
                .toList();
        if (!outside.isEmpty()) {
            add(
                    "outside-stack-folder",
                    "changes " + outside + " outside the policy file " + Layout.POLICY + " and the price catalogue "
                            + PricingFile.PATH);
        }
        checkChanges(parent, subject);
        PolicyDraft.broken(git, commit.id()).ifPresent(ruling -> add("invalid-policy", ruling.explanation()));
        String actual = ContentHash.of(PolicyDraft.hashed(git, commit.id()));
        if (!actual.equals(value(Trailers.CONTENT_HASH))) {
            add(
                    "content-hash-mismatch",
                    "recorded " + String.join(" and ", PolicyDraft.GOVERNED) + " hash to " + actual + ", trailer says "
                            + value(Trailers.CONTENT_HASH));
        }
        checkDecision(parent);
    }

    private void checkPaths(CommitId parent, String folder) {
        String env = value(Trailers.ENVIRONMENT);
        String stack = value(Trailers.STACK);
        List<String> outside = git.changedPaths(parent, commit.id()).stream()
                .filter(path -> !path.startsWith(folder + "/")
                        && !RenderedLayout.owns(env, stack, path)
                        && !path.equals(RenderedLayout.sharedRules(env)))
                .toList();
        if (!outside.isEmpty()) {
            add(
                    "outside-stack-folder",
                    "changes " + outside + " outside its stack folder " + folder + " and its rendered files");
        }
    }

    /**
     * A record approved with a version 2 statement names its base and the digest of what it wrote: the base must
     * lie on main at or before the parent, and the commit's changes in its region must hash to that digest.
     */
    private void checkChanges(CommitId parent, Subject subject) {
        if (trailers.all(Trailers.CHANGES).isEmpty()
                && trailers.all(Trailers.BASE).isEmpty()) {
            return;
        }
        Optional<CommitId> base = trailers.single(Trailers.BASE).flatMap(this::commitNamed);
        if (base.isEmpty() || !git.isAncestor(base.get(), parent)) {
            add(
                    "changes-mismatch",
                    "base " + value(Trailers.BASE) + " is not a commit of main at or before the parent");
            return;
        }
        String actual =
                DraftEdits.recorded(git, subject, base.get(), commit.id()).digest();
        if (!actual.equals(value(Trailers.CHANGES))) {
            add(
                    "changes-mismatch",
                    "the recorded changes since base " + base.get().name() + " hash to " + actual + ", trailer says "
                            + value(Trailers.CHANGES));
        }
    }

    private Optional<CommitId> commitNamed(String name) {
        try {
            return name.matches("[0-9a-f]{40}") ? git.resolveRevision(name) : Optional.empty();
        } catch (dev.countersign.gitops.GitOpsException e) {
            return Optional.empty();
        }
    }

    private void checkSecrets(CommitId parent, String folder) {
        java.util.SortedMap<String, byte[]> files = new java.util.TreeMap<>();
        git.read(commit.id(), folder + "/" + StackLayout.SECRETS)
                .ifPresent(content -> files.put(folder + "/" + StackLayout.SECRETS, content));
        git.read(commit.id(), SecretRules.fluxSecret(folder))
                .ifPresent(content -> files.put(SecretRules.fluxSecret(folder), content));
        SecretRules.broken(
                        folder,
                        git.changedPaths(parent, commit.id()),
                        files,
                        value(Trailers.PROPOSED_BY),
                        trailers.single(Trailers.ON_BEHALF_OF).orElse(null),
                        trailers.single(Trailers.REVERTS).isPresent())
                .ifPresent(ruling -> add(ruling.rule(), ruling.explanation()));
    }

    private void checkContentHash() {
        String folder = Layout.stackFolder(value(Trailers.ENVIRONMENT), value(Trailers.STACK));
        String actual = ContentHash.of(
                RenderedLayout.hashed(git, git.tree(commit.id()), value(Trailers.ENVIRONMENT), value(Trailers.STACK)));
        if (!actual.equals(value(Trailers.CONTENT_HASH))) {
            add(
                    "content-hash-mismatch",
                    "recorded tree of " + folder + " hashes to " + actual + ", trailer says "
                            + value(Trailers.CONTENT_HASH));
        }
    }

    private void checkRendered() {
        String env = value(Trailers.ENVIRONMENT);
        String stack = value(Trailers.STACK);
        List<String> problems;
        try {
            problems = RenderedCheck.differences(git, commit.id(), env, stack);
        } catch (dev.countersign.gitops.GitOpsException
                | dev.countersign.stack.StackException
                | dev.countersign.sops.SopsException e) {
            problems = List.of("cannot be rendered again: " + e.getMessage());
        }
        if (!problems.isEmpty()) {
            add(
                    RenderedCheck.RULE,
                    "rendered files of " + env + "/" + stack + " differ from what its renderer writes: " + problems);
        }
    }

    private String value(String key) {
        return trailers.single(key).orElse("");
    }

    private void add(String rule, String message) {
        findings.add(new Finding(commit.id().name(), rule, message));
    }
}
