package dev.countersign.policy;

import static org.quicktheories.generators.SourceDSL.lists;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
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
        Gen<List<String>> bindings = lists().of(binding())
                .ofSizeBetween(0, 10)
                .zip(Generate.range(0, 3), (list, broad) -> {
                    List<String> all = new ArrayList<>(list);
                    if (broad > 0) {
                        all.add("    - {principal: \"human:*\", roles: [everything], environments: [\"*\"]}\n");
                    }
                    return all;
                });
        Gen<String> environments =
                Generate.range(0, 3).zip(freezeWindows(), (required, windows) -> environments(required, windows));
        Gen<String> extras = Generate.pick(SCOPES)
                .zip(
                        Generate.range(0, 5),
                        Generate.range(1, 2),
                        (scope, max, extra) ->
                                scope + "  blastRadius: {maxDependents: " + max + ", extraApprovals: " + extra + "}\n");
        return roles.zip(bindings, environments, extras, PolicyGenerators::document);
    }

    private static Gen<Set<Action>> actionSets() {
        return lists().of(Generate.enumValues(Action.class))
                .ofSizeBetween(1, 16)
                .map(list -> (Set<Action>) EnumSet.copyOf(list));
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

    /**
     * Freeze windows placed around the fixed clock: an interval that may end before it, cover it or start after
     * it, and a weekly window on some days that may or may not include the clock's Wednesday.
     */
    static Gen<String> freezeWindows() {
        Gen<String> interval = Generate.range(-40, 40).zip(Generate.range(1, 30), (start, length) -> {
            Instant from = Fixtures.WEDNESDAY.plus(Duration.ofDays(start));
            return "        - {from: \"" + from + "\", to: \"" + from.plus(Duration.ofDays(length))
                    + "\", reason: generated}\n";
        });
        Gen<String> weekly = lists().of(Generate.enumValues(DayOfWeek.class))
                .ofSizeBetween(1, 2)
                .map(days -> "        - {weekly: {days: ["
                        + days.stream()
                                .distinct()
                                .map(d -> d.name().substring(0, 3))
                                .collect(Collectors.joining(", "))
                        + "]}, zone: Asia/Tokyo, reason: generated}\n");
        return Generate.booleans()
                .zip(
                        interval,
                        Generate.booleans(),
                        weekly,
                        (i, windowI, w, windowW) -> (i ? windowI : "") + (w ? windowW : ""));
    }

    private static String environments(int required, String windows) {
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
        text.append("    everything: [")
                .append(Arrays.stream(Action.values()).map(Action::spelling).collect(Collectors.joining(", ")))
                .append("]\n");
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
                Generate.range(0, 2 * Changes.ALL.size()).map(i -> i >= Changes.ALL.size() ? null : Changes.ALL.get(i));
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

    /**
     * Any request; {@code record}, the one action that can need approvals, is asked as often as all the others
     * together, so that allow, deny and needs-approvals each come up (see {@code PolicyPropertiesTest}).
     */
    static Gen<Ask> asks() {
        Gen<Action> actions = Generate.booleans()
                .zip(Generate.enumValues(Action.class), (record, any) -> record ? Action.RECORD : any);
        return asks(principals(), actions);
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
