package dev.countersign.policy;

import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * What the engine is asked: may this principal take this action in this environment, for this change,
 * given these approvals?
 *
 * <p>Build one with {@link #builder(Principal, Action, String)}. Approving and recording need the
 * proposer and the proposal's content hash. Immutable and thread-safe.
 */
public final class PolicyRequest {
    private final Principal principal;
    private final Action action;
    private final String environment;
    private final @Nullable Principal proposer;
    private final @Nullable String contentHash;
    private final List<Approval> approvals;
    private final @Nullable Change change;
    private final @Nullable Change renderedChange;
    private final @Nullable TopologyChange topologyChange;

    private PolicyRequest(Builder builder) {
        this.principal = builder.principal;
        this.action = builder.action;
        this.environment = builder.environment;
        this.proposer = builder.proposer;
        this.contentHash = builder.contentHash;
        this.approvals = List.copyOf(builder.approvals);
        this.change = builder.change;
        this.renderedChange = builder.renderedChange;
        this.topologyChange = builder.topologyChange;
        if ((action == Action.APPROVE || action == Action.RECORD) && (proposer == null || contentHash == null)) {
            throw new InvalidRequestException(
                    "action " + action.spelling() + " needs the proposer and the proposal's content hash");
        }
    }

    /**
     * Starts a request.
     *
     * @param principal who asks
     * @param action what they ask to do
     * @param environment the environment they ask it in
     * @return a builder
     * @throws InvalidRequestException if the environment name is malformed
     */
    public static Builder builder(Principal principal, Action action, String environment) {
        if (!PolicyReader.NAME.matcher(environment).matches()) {
            throw new InvalidRequestException(
                    "invalid environment '" + environment + "': must match " + PolicyReader.NAME.pattern());
        }
        return new Builder(principal, action, environment);
    }

    /**
     * Who asks.
     *
     * @return the principal, possibly acting on behalf of a human
     */
    public Principal principal() {
        return principal;
    }

    /**
     * What they ask to do.
     *
     * @return the action
     */
    public Action action() {
        return action;
    }

    /**
     * The environment they ask it in.
     *
     * @return the environment name
     */
    public String environment() {
        return environment;
    }

    /**
     * Who proposed the change, if known.
     *
     * @return the proposer, or {@code null} when the request is not about a proposal
     */
    public @Nullable Principal proposer() {
        return proposer;
    }

    /**
     * The content hash of the proposal the request is about.
     *
     * @return {@code sha256:…}, or {@code null} when the request is not about a proposal
     */
    public @Nullable String contentHash() {
        return contentHash;
    }

    /**
     * The approvals given so far.
     *
     * @return the approvals, in the order given
     */
    public List<Approval> approvals() {
        return approvals;
    }

    /**
     * Whether the request carries a change of a stack.
     *
     * @return {@code true} if a base and a proposed version were given
     */
    public boolean hasChange() {
        return change != null;
    }

    /**
     * Whether the change is also judged as it will be applied in the request's environment.
     *
     * @return {@code true} if the change was given with its environment
     */
    public boolean judgesRendering() {
        return renderedChange != null;
    }

    /**
     * Whether the request carries a change of the environment's cluster topology.
     *
     * @return {@code true} if recorded and proposed topologies were given
     */
    public boolean hasTopologyChange() {
        return topologyChange != null;
    }

    @Nullable
    Change change() {
        return change;
    }

    @Nullable
    TopologyChange topologyChange() {
        return topologyChange;
    }

    @Nullable
    Change renderedChange() {
        return renderedChange;
    }

    /** The author of the change: the proposer when known, otherwise the principal asking. */
    Principal author() {
        return proposer != null ? proposer : principal;
    }

    /** Builds a {@link PolicyRequest}; not thread-safe. */
    public static final class Builder {
        private final Principal principal;
        private final Action action;
        private final String environment;
        private @Nullable Principal proposer;
        private @Nullable String contentHash;
        private final List<Approval> approvals = new ArrayList<>();
        private @Nullable Change change;
        private @Nullable Change renderedChange;
        private @Nullable TopologyChange topologyChange;

        private Builder(Principal principal, Action action, String environment) {
            this.principal = principal;
            this.action = action;
            this.environment = environment;
        }

        /**
         * Names the proposer of the change the request is about.
         *
         * @param proposer who proposed it, possibly an agent acting on behalf of a human
         * @return this builder
         */
        public Builder proposer(Principal proposer) {
            this.proposer = proposer;
            return this;
        }

        /**
         * Names the content hash of the proposal the request is about.
         *
         * @param contentHash {@code sha256:} and 64 hex digits
         * @return this builder
         * @throws InvalidRequestException if the hash is malformed
         */
        public Builder contentHash(String contentHash) {
            this.contentHash = Approval.checkHash(contentHash);
            return this;
        }

        /**
         * Adds approvals given so far.
         *
         * @param approvals the approvals
         * @return this builder
         */
        public Builder approvals(List<Approval> approvals) {
            this.approvals.addAll(approvals);
            return this;
        }

        /**
         * Names the change the request is about: from the recorded (base) version of the stack to the
         * proposed one. Protection is judged against the base.
         *
         * @param base the version recorded on the environment's main line
         * @param proposed the version proposed
         * @return this builder
         */
        public Builder change(Stack base, Stack proposed) {
            return change(Change.between(Snapshot.of(base), Snapshot.of(proposed)));
        }

        /**
         * Names a proposed stack for an environment that has no recorded version yet.
         *
         * @param proposed the version proposed
         * @return this builder
         */
        public Builder firstVersion(Stack proposed) {
            return change(Change.between(Snapshot.EMPTY, Snapshot.of(proposed)));
        }

        /**
         * Names the change the request is about and the environment it will be applied in. Every rule
         * judges it twice: as written, and as rendered for the environment (variables resolved through
         * {@link Stack#render(Environment)}, secret values as placeholders), so an edit of a variable is an
         * edit of every place it reaches, reported at those places. Prefer this to {@link #change(Stack,
         * Stack)} whenever the environment is known.
         *
         * @param base the version recorded on the environment's main line
         * @param proposed the version proposed
         * @param environment the environment the change will be applied in; its name is the request's
         * @return this builder
         * @throws InvalidRequestException if the environment is another than the request's, or either
         *     version cannot be rendered for it (the message names the stack error, never a value)
         */
        public Builder change(Stack base, Stack proposed, Environment environment) {
            change(base, proposed);
            return rendered(Change.rendered(render(base, environment), render(proposed, environment)));
        }

        /**
         * Names a proposed stack for an environment that has no recorded version yet, judged as written and
         * as rendered for the environment (see {@link #change(Stack, Stack, Environment)}).
         *
         * @param proposed the version proposed
         * @param environment the environment the stack will be applied in; its name is the request's
         * @return this builder
         * @throws InvalidRequestException if the environment is another than the request's, or the stack
         *     cannot be rendered for it
         */
        public Builder firstVersion(Stack proposed, Environment environment) {
            firstVersion(proposed);
            return rendered(Change.rendered(Snapshot.EMPTY, render(proposed, environment)));
        }

        private Snapshot render(Stack stack, Environment target) {
            if (!target.name().equals(environment)) {
                throw new InvalidRequestException("the change is judged for environment '" + environment
                        + "', but was given environment '" + target.name() + "' to render it");
            }
            try {
                return Snapshot.rendered(stack.render(target));
            } catch (StackException e) {
                throw new InvalidRequestException(
                        "stack '" + stack.name() + "' cannot be rendered for " + environment + ": " + e.getMessage());
            }
        }

        /**
         * Names the change of the environment's cluster topology the request carries, judged by the sizing rules:
         * agent scope over its pointers ({@code /topology/nodeGroups/<name>/count}), protection of node groups
         * and the control plane against the recorded topology, the environment's limits, and the agent cost
         * step. Costs are judged with the price catalogue given, if any; a limit on vCPUs or cost without one
         * denies.
         *
         * @param recorded the topology recorded on the environment's main line, or null for none
         * @param proposed the topology proposed, or null for none
         * @param pricing the price catalogue in force ({@code .countersign/pricing.yaml}), or null for none
         * @return this builder
         */
        public Builder topology(
                dev.countersign.stack.@Nullable Topology recorded,
                dev.countersign.stack.@Nullable Topology proposed,
                dev.countersign.stack.@Nullable Pricing pricing) {
            this.topologyChange = TopologyChange.between(recorded, proposed, pricing);
            return this;
        }

        Builder change(Change change) {
            this.change = Objects.requireNonNull(change);
            return this;
        }

        Builder rendered(Change rendered) {
            this.renderedChange = Objects.requireNonNull(rendered);
            return this;
        }

        /**
         * Builds the request.
         *
         * @return the request
         * @throws InvalidRequestException if approving or recording without proposer and content hash
         */
        public PolicyRequest build() {
            return new PolicyRequest(this);
        }
    }
}
