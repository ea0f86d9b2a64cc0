package dev.countersign.policy;

import static org.quicktheories.generators.SourceDSL.lists;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/** QuickTheories generators of policies, principals, requests and host rules. */
final class PolicyGenerators {
    static final List<String> ENVIRONMENTS = List.of("staging", "production");
    private static final List<String> ROLES = List.of("r0", "r1", "r2", "r3");
    private static final List<String> NAMES =
            List.of("human:a", "human:b", "human:c", "agent:x", "agent:y", "service:s");
    private static final List<String> PATTERNS = List.of(
            "human:a", "human:b", "human:c", "agent:x", "agent:y", "service:s", "human:*", "agent:*", "service:*");
    private static final List<String> SCOPES = List.of(
            "",
            "  agentScope: {allow: [\"/helm/values/**\"]}\n",
            "  agentScope: {deny: [\"**/image/**\"], denyKinds: [ClusterRoleBinding]}\n",
            "  agentScope: {allow: [\"**\"]}\n");

    private PolicyGenerators() {}

    /** Any valid policy over roles r0..r3, the environments staging and production and a fixed pool of names. */
    static Gen<Policy> policies() {
        Gen<List<Set<Action>>> roles = lists().of(actionSets()).ofSize(ROLES.size());
        Gen<List<String>> bindings = lists().of(binding()).ofSizeBetween(0, 8);
        Gen<String> environments = Generate.range(0, 3)
                .zip(
                        Generate.booleans(),
                        Generate.booleans(),
                        (required, freeze, weekly) -> environments(required, freeze, weekly));
        Gen<String> extras = Generate.pick(SCOPES)
                .zip(
                        Generate.range(0, 5),
                        Generate.range(1, 2),
                        (scope, max, extra) ->
                                scope + "  blastRadius: {maxDependents: " + max + ", extraApprovals: " + extra + "}\n");
        return roles.zip(bindings, environments, extras, PolicyGenerators::document);
    }

    private static Gen<Set<Action>> actionSets() {
        return lists().of(Generate.enumValues(Action.class)).ofSizeBetween(1, 8).map(list ->
                (Set<Action>) EnumSet.copyOf(list));
    }

    private static Gen<String> binding() {
        Gen<List<String>> roles = lists().of(Generate.pick(ROLES))
                .ofSizeBetween(1, 3)
                .map(list -> list.stream().distinct().toList());
        return Generate.pick(PATTERNS)
                .zip(
                        roles,
                        Generate.pick(List.of("\"*\"", "staging", "production")),
                        (who, granted, env) -> "    - {principal: \"" + who + "\", roles: " + granted
                                + ", environments: [" + env + "]}\n");
    }

    private static String environments(int required, boolean freeze, boolean weekly) {
        String windows = (freeze
                        ? "        - {from: \"2026-11-01T00:00:00Z\", to: \"2026-12-01T00:00:00Z\","
                                + " reason: generated}\n"
                        : "")
                + (weekly ? "        - {weekly: {days: [WED]}, zone: Asia/Tokyo, reason: generated}\n" : "");
        return "  environments:\n    production:\n      approvals: {required: " + required + "}\n"
                + (windows.isEmpty() ? "" : "      freeze:\n" + windows);
    }

    private static Policy document(List<Set<Action>> roles, List<String> bindings, String environments, String extras) {
        StringBuilder text = new StringBuilder(
                "apiVersion: countersign.dev/v1\nkind: Policy\nmetadata: {name: generated}\nspec:\n  roles:\n");
        for (int i = 0; i < roles.size(); i++) {
            text.append("    ")
                    .append(ROLES.get(i))
                    .append(": [")
                    .append(roles.get(i).stream().map(Action::spelling).collect(Collectors.joining(", ")))
                    .append("]\n");
        }
        text.append("  bindings:\n").append(bindings.isEmpty() ? "    []\n" : String.join("", bindings));
        text.append(environments).append(extras).append("  protect: {components: [postgres]}\n");
        return Policy.parse(text.toString().replace("  bindings:\n    []\n", "  bindings: []\n"));
    }

    /** Any principal of the pool, agents and services sometimes acting on behalf of a human. */
    static Gen<Principal> principals() {
        Gen<Principal> plain = Generate.pick(NAMES).map(Principal::parse);
        return plain.zip(
                Generate.pick(List.of("", "human:a", "human:b")),
                (who, on) ->
                        on.isEmpty() || who.kind() == Principal.Kind.HUMAN ? who : who.actingFor(Principal.parse(on)));
    }

    /** Agents only, possibly delegated. */
    static Gen<Principal> agents() {
        return principals()
                .map(p -> new Principal(Principal.Kind.AGENT, p.id(), p.onBehalfOf() == null ? null : p.onBehalfOf()));
    }

    static Gen<List<Approval>> approvals() {
        Gen<Approval> approval =
                principals().zip(Generate.pick(List.of(Fixtures.HASH_A, Fixtures.HASH_B)), Approval::new);
        return lists().of(approval).ofSizeBetween(0, 4);
    }

    /** A request, described so that it can be rebuilt with more approvals. */
    record Ask(
            Principal principal,
            Action action,
            String environment,
            Principal proposer,
            List<Approval> approvals,
            @Nullable Change change) {
        PolicyRequest build() {
            PolicyRequest.Builder builder = PolicyRequest.builder(principal, action, environment)
                    .proposer(proposer)
                    .contentHash(Fixtures.HASH_A)
                    .approvals(approvals);
            return change == null ? builder.build() : builder.change(change).build();
        }

        Ask withMoreApprovals(List<Approval> more) {
            List<Approval> all = new ArrayList<>(approvals);
            all.addAll(more);
            return new Ask(principal, action, environment, proposer, all, change);
        }
    }

    static Gen<Ask> asks(Gen<Principal> who, Gen<Action> actions) {
        Gen<String> environment = Generate.pick(ENVIRONMENTS);
        Gen<@Nullable Change> change =
                Generate.range(0, Changes.ALL.size()).map(i -> i == Changes.ALL.size() ? null : Changes.ALL.get(i));
        return who.zip(
                        actions,
                        environment,
                        principals(),
                        (p, a, e, proposer) -> new Ask(p, a, e, proposer, List.of(), null))
                .zip(
                        approvals(),
                        change,
                        (ask, approvals, c) -> new Ask(
                                ask.principal(), ask.action(), ask.environment(), ask.proposer(), approvals, c));
    }

    static Gen<Ask> asks() {
        return asks(principals(), Generate.enumValues(Action.class));
    }

    /** Host rules that deny, demand approvals, do nothing or fail. */
    static Gen<dev.countersign.policy.spi.HostRule> hostRules() {
        Gen<List<dev.countersign.policy.spi.HostFinding>> findings = lists().of(Generate.range(0, 1)
                        .zip(
                                Generate.range(1, 3),
                                (kind, count) -> kind == 0
                                        ? dev.countersign.policy.spi.HostFinding.deny("generated denial")
                                        : dev.countersign.policy.spi.HostFinding.requireApprovals(count, "generated")))
                .ofSizeBetween(0, 3);
        return findings.zip(
                Generate.booleans(),
                (list, fails) -> PolicyEngineTest.rule("host-generated", c -> {
                    if (fails) {
                        throw new IllegalStateException("generated failure");
                    }
                    return list;
                }));
    }

    /** A few real changes of the fixture stack, parsed once. */
    static final class Changes {
        static final List<Change> ALL = List.of(
                Fixtures.edit("values: {replicaCount: 2}", "values: {replicaCount: 3}"),
                Fixtures.edit("image: {tag: \"1.0\"}", "image: {tag: \"2.0\"}"),
                Fixtures.edit("max_connections: \"100\"", "max_connections: \"200\""),
                Fixtures.edit("labels: {countersign.dev/protected: \"true\"}", "labels: {}"),
                Fixtures.edit(
                        "labels: {countersign.dev/protected: \"true\"}",
                        "labels: {countersign.dev/protected: \"false\"}"),
                Fixtures.edit("adminPassword: \"${api_admin}\"", "adminPassword: hunter2"));

        private Changes() {}
    }
}
