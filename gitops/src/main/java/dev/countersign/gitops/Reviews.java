package dev.countersign.gitops;

import dev.countersign.dag.Dag;
import dev.countersign.dag.DagBuilder;
import dev.countersign.gitops.internal.DraftCommit;
import dev.countersign.gitops.internal.Fingerprints;
import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.RenderedLayout;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.stack.Component;
import dev.countersign.stack.Environment;
import dev.countersign.stack.HelmSource;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackDiff;
import dev.countersign.stack.ValueChange;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** Builds the {@link Review} of a proposal from its base and draft commits. */
final class Reviews {
    private Reviews() {}

    static Review of(GitStore git, Proposal proposal) {
        return proposal.header()
                .subject()
                .fold(s -> ofStack(git, proposal), e -> ofEnvironmentOnly(proposal), p -> ofEnvironmentOnly(proposal));
    }

    private static Review ofEnvironmentOnly(Proposal proposal) {
        Stack none = new Stack("environment", Map.of(), List.of());
        return new Review(
                proposal,
                StackDiff.between(none, none),
                List.of(),
                Map.of(),
                Map.of(),
                List.of(),
                Map.of(),
                Map.of(),
                List.of());
    }

    private static Review ofStack(GitStore git, Proposal r) {
        CommitId base = r.header().base();
        CommitId draft = DraftCommit.of(r);
        Stack empty = new Stack(r.stack(), Map.of(), List.of());
        Stack before = StackLayout.stack(git, base, r.environment(), r.stack()).orElse(empty);
        Stack after = StackLayout.stack(git, draft, r.environment(), r.stack()).orElse(empty);
        Environment environment = StackLayout.environment(git, base, r.environment());
        StackDiff diff = StackDiff.between(before, after);
        Dag<String> plan = graph(after);
        return new Review(
                r,
                diff,
                plan.waves(),
                dependencies(plan),
                blastRadius(before, diff),
                after.components().isEmpty()
                        ? List.of()
                        : after.render(
                                        environment,
                                        NativeLayout.placeholders(
                                                StackLayout.secretNames(git, draft, r.environment(), r.stack())))
                                .uses(),
                secrets(before, after, diff),
                secretValues(
                        fingerprints(git, base, r.environment(), r.stack()),
                        fingerprints(git, draft, r.environment(), r.stack()),
                        r.reverts() == null ? "changed" : "reverted"),
                charts(before, after));
    }

    static EnvironmentReview ofEnvironment(GitStore git, Proposal proposal) {
        return proposal.header()
                .subject()
                .fold(
                        s -> {
                            throw new InvalidProposalException("proposal " + proposal.id() + " changes stack "
                                    + s.describe() + ", not its environment");
                        },
                        e -> ofEnvironment(git, proposal, e.environment()),
                        p -> {
                            throw new InvalidProposalException(
                                    "proposal " + proposal.id() + " changes the policy, not an environment");
                        });
    }

    private static EnvironmentReview ofEnvironment(GitStore git, Proposal r, String environment) {
        CommitId base = r.header().base();
        CommitId draft = DraftCommit.of(r);
        Environment after = DefinedEnvironment.at(git, draft, environment);
        List<String> stacks = git.children(draft, "environments/" + environment);
        List<String> leftOut = after == null || after.renderer() != dev.countersign.stack.RendererChoice.FLUX
                ? List.of()
                : stacks.stream()
                        .filter(stack -> !StackLayout.secretNames(git, draft, environment, stack)
                                        .isEmpty()
                                && git.read(draft, RenderedLayout.fluxSecret(environment, stack))
                                        .isEmpty())
                        .toList();
        return new EnvironmentReview(
                r,
                DefinedEnvironment.at(git, base, environment),
                after,
                stacks,
                leftOut,
                dev.countersign.gitops.internal.PricingFile.at(git, base).orElse(null));
    }

    private static Map<String, String> fingerprints(GitStore git, CommitId commit, String environment, String stack) {
        return git.read(commit, Layout.fileIn(Layout.stackFolder(environment, stack), StackLayout.FINGERPRINTS))
                .<Map<String, String>>map(Fingerprints::read)
                .orElse(Map.of());
    }

    private static Map<String, String> secretValues(
            Map<String, String> before, Map<String, String> after, String changed) {
        Map<String, String> statuses = new TreeMap<>();
        before.keySet().stream()
                .filter(name -> !after.containsKey(name))
                .forEach(name -> statuses.put(name, "removed"));
        after.forEach((name, fingerprint) -> statuses.put(
                name,
                !before.containsKey(name) ? "added" : before.get(name).equals(fingerprint) ? "unchanged" : changed));
        return statuses;
    }

    private static List<ChartChange> charts(Stack before, Stack after) {
        Map<String, HelmSource> was = helmCharts(before);
        Map<String, ChartChange> charts = new TreeMap<>();
        was.forEach((name, helm) -> charts.put(
                name,
                new ChartChange(name, helm.repository(), helm.chart(), helm.version(), helm.digest(), null, null)));
        helmCharts(after).forEach((name, helm) -> {
            HelmSource old = was.get(name);
            charts.put(
                    name,
                    new ChartChange(
                            name,
                            helm.repository(),
                            helm.chart(),
                            old == null ? null : old.version(),
                            old == null ? null : old.digest(),
                            helm.version(),
                            helm.digest()));
        });
        return List.copyOf(charts.values());
    }

    private static Map<String, HelmSource> helmCharts(Stack stack) {
        Map<String, HelmSource> charts = new TreeMap<>();
        for (Component component : stack.components()) {
            if (component.source() instanceof HelmSource helm) {
                charts.put(component.name(), helm);
            }
        }
        return charts;
    }

    private static Dag<String> graph(Stack stack) {
        DagBuilder<String> builder = Dag.builder();
        builder.nodes(stack.componentNames());
        for (Component component : stack.components()) {
            component.dependsOn().forEach(dependency -> builder.dependsOn(component.name(), dependency));
        }
        return builder.build();
    }

    private static Map<String, List<String>> dependencies(Dag<String> plan) {
        Map<String, List<String>> dependencies = new LinkedHashMap<>();
        plan.order().forEach(name -> dependencies.put(name, List.copyOf(plan.directDependenciesOf(name))));
        return dependencies;
    }

    private static Map<String, List<String>> blastRadius(Stack before, StackDiff diff) {
        Dag<String> recorded = graph(before);
        Map<String, List<String>> radius = new TreeMap<>();
        diff.removed().forEach(name -> radius.put(name, List.copyOf(recorded.dependentsOf(name))));
        return radius;
    }

    private static Map<String, String> secrets(Stack before, Stack after, StackDiff diff) {
        Map<String, String> secrets = new TreeMap<>();
        for (Component component : after.components()) {
            List<ValueChange> changes = diff.changed().getOrDefault(component.name(), List.of());
            List<String> recorded = before.component(component.name())
                    .map(Component::secretPointers)
                    .orElse(List.of());
            for (String pointer : component.secretPointers()) {
                secrets.put(
                        component.name() + ":" + pointer,
                        recorded.contains(pointer) ? status(changes, pointer) : "added");
            }
        }
        return secrets;
    }

    private static String status(List<ValueChange> changes, String pointer) {
        if (changes.stream()
                .anyMatch(c -> c.path().equals(pointer) && c.before().isEmpty())) {
            return "added";
        }
        return changes.stream().anyMatch(c -> c.path().startsWith(pointer)) ? "changed" : "unchanged";
    }
}
