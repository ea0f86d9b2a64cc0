package dev.countersign.gitops.internal;

import static dev.countersign.gitops.testing.Theories.examples;
import static dev.countersign.gitops.testing.Theories.qt;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.quicktheories.generators.SourceDSL.integers;
import static org.quicktheories.generators.SourceDSL.lists;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.InvalidProposalException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The guardrail invariant over random action sequences by random principals, decided by a real policy document
 * (issue 24): every step either lands exactly as a small model of the contract predicts, or is refused for the
 * rule the model names (an {@link ActionDeniedException} with that rule, an illegal transition, or a draft that
 * changes nothing); any other exception fails the property. After every step the main line verifies clean and
 * holds exactly what the recorded proposals say. A failure prints {@code Seed was N}; {@code -Dqt.seed=N}
 * replays it.
 */
class ContractPropertiesTest {
    private static final List<String> PRINCIPALS = List.of("agent:a", "agent:b", "human:alice", "human:bob");
    private static final List<String> STACKS = List.of("s1", "s2");
    private static final String POLICY = """
            apiVersion: countersign.dev/v1
            kind: Policy
            metadata: {name: contract}
            spec:
              roles:
                member:   [read, propose, withdraw]
                approver: [read, propose, withdraw, approve, reject, record, revert]
              bindings:
                - {principal: "human:alice", roles: [approver], environments: ["*"]}
                - {principal: "human:bob",   roles: [approver], environments: ["*"]}
                - {principal: "agent:a",     roles: [member],   environments: ["*"]}
                - {principal: "agent:b",     roles: [member],   environments: ["*"]}
              environments:
                staging: {approvals: {required: 1, from: [approver]}}
            """;

    @TempDir
    Path root;

    @Test
    void everyStepLandsOrIsRefusedForTheRuleTheModelNames() {
        qt().withExamples(examples(25))
                .withShrinkCycles(20)
                .forAll(lists().of(integers().between(0, 9_999)).ofSizeBetween(1, 10))
                .checkAssert(this::run);
    }

    @Test
    void aStepRefusedForAnotherReasonThanTheModelsFailsTheProperty() {
        Model model = new Model();
        // the model expects an agent's approval to be refused by humans-approve, not by any other rule
        model.propose("agent:a", "s1", stack("s1", 1), "p1");
        Expected expected = model.approve("p1", "agent:b");

        assertThat(expected.rule()).isEqualTo("humans-approve");
        assertThatThrownBy(() -> expected.check(() -> {
                    throw new ActionDeniedException("approve", "agent:b", "permission", "not allowed");
                }))
                .isInstanceOf(AssertionError.class);
        assertThatThrownBy(() -> expected.check(() -> {
                    throw new GitOpsException("broken");
                }))
                .isInstanceOf(AssertionError.class);
    }

    private void run(List<Integer> steps) {
        try (Fixture fixture = Fixture.initializedWithPolicy(Files.createTempDirectory(root, "repo"), POLICY)) {
            Model model = new Model();
            for (int step : steps) {
                apply(fixture.lifecycle, model, step);
                assertThat(new Verifier(fixture.git, PolicyAuthority.source())
                                .verify(null)
                                .findings())
                        .isEmpty();
                STACKS.forEach(stack -> assertThat(fixture.mainFile("environments/staging/" + stack + "/stack.yaml"))
                        .isEqualTo(model.main.getOrDefault(stack, "<absent>")));
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void apply(Lifecycle lifecycle, Model model, int step) {
        String principal = PRINCIPALS.get(step / 7 % PRINCIPALS.size());
        Principal who = Principal.parse(principal);
        String stack = STACKS.get(step / 28 % 2);
        String content = stack(stack, step / 112 % 3);
        int kind = step % 7;
        if (kind >= 2 && model.ids.isEmpty()) {
            return;
        }
        String id = kind < 2 ? "" : model.ids.get(step / 336 % model.ids.size());
        switch (kind) {
            case 0, 1 -> {
                Expected expected = model.expectPropose(stack, content);
                Proposal p =
                        expected.check(() -> lifecycle.drafting().propose(Fixture.draft(principal, stack, content)));
                if (p != null) {
                    model.propose(principal, stack, content, p.id());
                }
            }
            case 2, 3 ->
                model.approve(id, principal).check(() -> lifecycle.deciding().approve(id, who));
            case 4 ->
                model.withdraw(id, principal).check(() -> lifecycle.deciding().withdraw(id, who));
            case 5 ->
                model.reject(id, principal).check(() -> lifecycle.deciding().reject(id, who, "no"));
            default -> {
                Model.Open old = model.proposals.get(id);
                String revised = stack(old.stack(), step / 112 % 3);
                Expected expected = model.expectRevise(id, principal, revised);
                Proposal p = expected.check(
                        () -> lifecycle.drafting().revise(id, who, Fixture.files("stack.yaml", revised)));
                if (p != null) {
                    model.states.put(id, ProposalState.SUPERSEDED);
                    model.propose(principal, old.stack(), revised, p.id());
                }
            }
        }
    }

    /** A stack with one ConfigMap whose data says {@code n}. */
    static String stack(String name, int n) {
        return """
                apiVersion: countersign.dev/v1
                kind: Stack
                metadata: {name: %s}
                spec:
                  components:
                    - name: config
                      manifests:
                        - {apiVersion: v1, kind: ConfigMap, metadata: {name: %s, namespace: apps}, data: {n: "%d"}}
                """.formatted(name, name, n);
    }

    /**
     * What a step must do: land in a state, or be refused by an exception of a type, with a rule for an
     * {@link ActionDeniedException}.
     */
    record Expected(
            @Nullable ProposalState state,
            @Nullable Class<? extends GitOpsException> refusal,
            @Nullable String rule) {
        static Expected lands(ProposalState state) {
            return new Expected(state, null, null);
        }

        static Expected refused(Class<? extends GitOpsException> type, @Nullable String rule) {
            return new Expected(null, type, rule);
        }

        /** Runs the step and checks it did what was expected; returns the proposal when it landed. */
        @Nullable
        Proposal check(Supplier<Proposal> step) {
            Proposal p;
            try {
                p = step.get();
            } catch (GitOpsException e) {
                assertThat(refusal)
                        .as("refused unexpectedly: %s", e.getMessage())
                        .isNotNull();
                assertThat(e).as("refusal %s", e.getMessage()).isExactlyInstanceOf(refusal);
                if (e instanceof ActionDeniedException denied) {
                    assertThat(denied.rule()).as(e.getMessage()).isEqualTo(rule);
                }
                return null;
            }
            assertThat(refusal)
                    .as("expected a refusal %s (%s), but landed", refusal, rule)
                    .isNull();
            assertThat(p.state()).isEqualTo(state);
            return p;
        }
    }

    /** The contract, written small: proposals with their proposer, stack, content and the main they started from. */
    static final class Model {
        record Open(String proposer, String stack, String content, int baseVersion) {}

        final Map<String, String> main = new HashMap<>();
        final Map<String, Integer> versions = new HashMap<>();
        final Map<String, Open> proposals = new HashMap<>();
        final Map<String, ProposalState> states = new HashMap<>();
        final List<String> ids = new ArrayList<>();

        void propose(String proposer, String stack, String content, String id) {
            proposals.put(id, new Open(proposer, stack, content, versions.getOrDefault(stack, 0)));
            states.put(id, ProposalState.PROPOSED);
            ids.add(id);
        }

        Expected expectPropose(String stack, String content) {
            return content.equals(main.get(stack))
                    ? Expected.refused(InvalidProposalException.class, null)
                    : Expected.lands(ProposalState.PROPOSED);
        }

        Expected expectRevise(String id, String principal, String content) {
            Open r = proposals.get(id);
            if (!open(id)) {
                return Expected.refused(IllegalTransitionException.class, null);
            } else if (!principal.equals(r.proposer())) {
                return Expected.refused(ActionDeniedException.class, "proposer-only");
            }
            return expectPropose(r.stack(), content);
        }

        Expected approve(String id, String principal) {
            Open r = proposals.get(id);
            if (!open(id)) {
                return Expected.refused(IllegalTransitionException.class, null);
            } else if (!principal.startsWith("human:")) {
                return Expected.refused(ActionDeniedException.class, "humans-approve");
            } else if (principal.equals(r.proposer())) {
                return Expected.refused(ActionDeniedException.class, "no-self-approval");
            }
            int version = versions.getOrDefault(r.stack(), 0);
            if (version != r.baseVersion()) {
                states.put(id, ProposalState.CONFLICTED);
                return Expected.lands(ProposalState.CONFLICTED);
            }
            versions.put(r.stack(), version + 1);
            main.put(r.stack(), r.content());
            states.put(id, ProposalState.RECORDED);
            return Expected.lands(ProposalState.RECORDED);
        }

        Expected withdraw(String id, String principal) {
            if (!principal.equals(proposals.get(id).proposer())) {
                return Expected.refused(ActionDeniedException.class, "proposer-only");
            } else if (!open(id)) {
                return Expected.refused(IllegalTransitionException.class, null);
            }
            states.put(id, ProposalState.WITHDRAWN);
            return Expected.lands(ProposalState.WITHDRAWN);
        }

        Expected reject(String id, String principal) {
            if (!open(id)) {
                return Expected.refused(IllegalTransitionException.class, null);
            } else if (!principal.startsWith("human:")) {
                return Expected.refused(ActionDeniedException.class, "permission");
            }
            states.put(id, ProposalState.REJECTED);
            return Expected.lands(ProposalState.REJECTED);
        }

        private boolean open(String id) {
            return states.get(id) == ProposalState.PROPOSED;
        }
    }
}
