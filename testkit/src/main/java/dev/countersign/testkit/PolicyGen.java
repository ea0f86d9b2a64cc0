package dev.countersign.testkit;

import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Policy;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.util.List;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;

/**
 * QuickTheories generators of principals, valid policies, approvals and policy requests.
 *
 * <p>All values draw from small fixed pools, so that generated requests meet generated policies:
 * principals {@code human:a}, {@code human:b}, {@code human:c}, {@code agent:x}, {@code agent:y} and
 * {@code service:s}; roles {@code r0} to {@code r3}; the environments of {@link #environmentNames()};
 * the content hashes {@link #CONTENT_HASH} and {@link #OTHER_HASH}. Every choice is drawn from
 * QuickTheories' randomness, so failures shrink, and shrunk values stay valid. Thread-safe.
 */
public final class PolicyGen {
    /** The content hash every generated request is about. */
    public static final String CONTENT_HASH = "sha256:" + "a".repeat(64);

    /** A content hash that generated approvals sometimes name instead, so that they count for nothing. */
    public static final String OTHER_HASH = "sha256:" + "b".repeat(64);

    private static final List<String> ENVIRONMENTS = List.of("staging", "production");
    private static final List<String> NAMES =
            List.of("human:a", "human:b", "human:c", "agent:x", "agent:y", "service:s");

    private PolicyGen() {}

    /**
     * Generates valid policies: roles {@code r0} to {@code r3} each granting 1 to 8 actions, up to 8
     * bindings of principals or patterns ({@code human:*}, …) to roles in one or every environment,
     * production needing 0 to 3 approvals and sometimes frozen (a fixed November 2026 window, weekly on
     * Wednesdays in Tokyo), an optional agent scope, a blast-radius rule, and component {@code c0}
     * protected, so that it meets the stacks of {@link StackGen}.
     *
     * <p>Guarantee: {@link Policy#parse(String)} accepted the document; values print as the policy.
     *
     * @return the generator
     */
    public static Gen<Policy> policies() {
        return PolicyDocuments.documents().map(Policy::parse);
    }

    /**
     * Generates principals of the pool; agents and services sometimes act on behalf of {@code human:a}
     * or {@code human:b}.
     *
     * @return the generator
     */
    public static Gen<Principal> principals() {
        return Generate.pick(NAMES)
                .map(Principal::parse)
                .zip(Generate.pick(List.of("", "human:a", "human:b")), PolicyGen::actingFor);
    }

    /**
     * Generates agents ({@code agent:} and the ids of the pool), sometimes acting on behalf of a human.
     *
     * @return the generator
     */
    public static Gen<Principal> agents() {
        return principals().map(p -> new Principal(Principal.Kind.AGENT, p.id(), p.onBehalfOf()));
    }

    /**
     * Generates humans of the pool ({@code human:a}, {@code human:b}, {@code human:c}).
     *
     * @return the generator
     */
    public static Gen<Principal> humans() {
        return Generate.pick(List.of("a", "b", "c")).map(Principal::human);
    }

    /**
     * Generates 0 to 4 approvals by principals of the pool, each for {@link #CONTENT_HASH} or
     * {@link #OTHER_HASH}; agents and repeated approvers included, as a host may receive them.
     *
     * @return the generator
     */
    public static Gen<List<Approval>> approvals() {
        Gen<Approval> approval = principals().zip(Generate.pick(List.of(CONTENT_HASH, OTHER_HASH)), Approval::new);
        return lists().of(approval).ofSizeBetween(0, 4);
    }

    /**
     * Generates requests of any action by any principal of the pool.
     *
     * @return the generator
     * @see #requests(Gen, Gen)
     */
    public static Gen<PolicyRequest> requests() {
        return requests(principals(), Generate.enumValues(Action.class));
    }

    /**
     * Generates requests in an environment of {@link #environmentNames()}, with a proposer of the pool,
     * the content hash {@link #CONTENT_HASH}, the approvals of {@link #approvals()} and a change that is
     * either absent, the first version of a {@link StackGen#stacks(int) generated stack} or a change
     * between two generated stacks (up to three components each).
     *
     * @param who the principals who ask
     * @param actions the actions they ask for
     * @return the generator
     */
    public static Gen<PolicyRequest> requests(Gen<Principal> who, Gen<Action> actions) {
        Gen<PolicyRequest.Builder> started = who.zip(actions, Generate.pick(ENVIRONMENTS), PolicyRequest::builder);
        Gen<PolicyRequest.Builder> proposed = started.zip(
                principals(),
                approvals(),
                (builder, proposer, given) ->
                        builder.proposer(proposer).contentHash(CONTENT_HASH).approvals(given));
        return proposed.zip(Generate.range(0, 2), StackGen.stacks(3), StackGen.stacks(3), PolicyGen::withChange);
    }

    /**
     * Returns the environment names generated policies configure and generated requests name:
     * {@code staging} and {@code production}.
     *
     * @return the names, immutable
     */
    public static List<String> environmentNames() {
        return ENVIRONMENTS;
    }

    private static Principal actingFor(Principal who, String human) {
        return human.isEmpty() || who.kind() == Principal.Kind.HUMAN ? who : who.actingFor(Principal.parse(human));
    }

    private static PolicyRequest withChange(PolicyRequest.Builder builder, int kind, Stack base, Stack proposed) {
        return switch (kind) {
            case 0 -> builder.build();
            case 1 -> builder.firstVersion(proposed).build();
            default -> builder.change(base, proposed).build();
        };
    }
}
