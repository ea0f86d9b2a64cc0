package dev.countersign.mcp.internal;

import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.InvalidInsightException;
import dev.countersign.gitops.UnknownProposalException;
import dev.countersign.policy.PolicyException;
import dev.countersign.stack.StackException;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The fixed list of tools: names, JSON Schemas, annotations and handlers. There is no tool that
 * approves, rejects, records, unprotects, changes policy or reads a secret. Immutable.
 */
public final class ToolCatalog {
    private static final String SECRET_PLAINTEXT = "secret-plaintext";

    private final List<ToolDefinition> tools;

    /**
     * Builds the catalog over the handlers.
     *
     * @param handlers the handlers, for one agent principal
     */
    public ToolCatalog(AgentTools handlers) {
        this.tools = List.of(
                read(
                        "list_environments",
                        "List the environments and the stacks recorded in each.",
                        Schemas.input(Map.of()),
                        OutputSchemas.environments(),
                        handlers::listEnvironments),
                read(
                        "list_stacks",
                        "List the stacks recorded in an environment.",
                        Schemas.input(Map.of("environment", Schemas.ENVIRONMENT), "environment"),
                        OutputSchemas.stacks(),
                        handlers::listStacks),
                read(
                        "get_stack",
                        "Read a recorded stack (secret values redacted; salted fingerprints only).",
                        Schemas.input(
                                Map.of("environment", Schemas.ENVIRONMENT, "stack", Schemas.STACK_NAME),
                                "environment",
                                "stack"),
                        OutputSchemas.stack(),
                        handlers::getStack),
                read(
                        "validate_stack",
                        "Check a stack document (YAML or JSON text) without proposing it.",
                        Schemas.input(Map.of("stack", Schemas.STACK_DOCUMENT), "stack"),
                        OutputSchemas.validation(),
                        handlers::validateStack),
                read(
                        "plan_stack",
                        "Deploy plan of a stack document for an environment: waves, blast radius of "
                                + "removals, variables with the scope that supplied each.",
                        Schemas.input(
                                Map.of("environment", Schemas.ENVIRONMENT, "stack", Schemas.STACK_DOCUMENT),
                                "environment",
                                "stack"),
                        OutputSchemas.plan(),
                        handlers::planStack),
                read(
                        "check_policy",
                        "Would this action on this stack be allowed for me, and why. " + "action defaults to propose.",
                        Schemas.input(
                                Map.of(
                                        "environment",
                                        Schemas.ENVIRONMENT,
                                        "stack",
                                        Schemas.STACK_DOCUMENT,
                                        "action",
                                        Schemas.string("propose, approve, reject, withdraw, record, revert, …")),
                                "environment",
                                "stack"),
                        OutputSchemas.decision(),
                        handlers::checkPolicy),
                propose(
                        "propose_stack",
                        "Propose a full stack document for an environment. A human approves it "
                                + "on the review page; nothing is deployed by this tool.",
                        Schemas.input(
                                Schemas.proposing("stack", Schemas.STACK_DOCUMENT),
                                "environment",
                                "stack",
                                "rationale"),
                        OutputSchemas.proposed(),
                        handlers::proposeStack),
                propose(
                        "propose_stack_patch",
                        "Propose a change of a recorded stack as an RFC 6902 JSON Patch. "
                                + "A human approves it on the review page.",
                        Schemas.input(Schemas.patching(), "environment", "stack", "patch", "rationale"),
                        OutputSchemas.proposed(),
                        handlers::proposeStackPatch),
                propose(
                        "revise_proposal",
                        "Replace a proposal by a new revision (stack document, or a JSON Patch "
                                + "against the recorded stack); approvals do not carry over.",
                        Schemas.input(Schemas.revising(), "id"),
                        OutputSchemas.proposed(),
                        handlers::reviseProposal),
                propose(
                        "withdraw_proposal",
                        "Withdraw one of your own proposals.",
                        Schemas.input(Map.of("id", Schemas.ID), "id"),
                        OutputSchemas.proposal(),
                        handlers::withdrawProposal),
                read(
                        "get_proposal",
                        "A proposal's state, approvals, decisions with reasons, and diff.",
                        Schemas.input(Map.of("id", Schemas.ID), "id"),
                        OutputSchemas.review(),
                        handlers::getProposal),
                read(
                        "list_proposals",
                        "List proposals, optionally in one state (PROPOSED, RECORDED, …).",
                        Schemas.input(Map.of("state", Schemas.string("a proposal state"))),
                        OutputSchemas.proposals(),
                        handlers::listProposals),
                propose(
                        "propose_revert",
                        "Propose the revert of a recorded commit. A human approves it.",
                        Schemas.input(
                                Map.of(
                                        "commit",
                                        Schemas.string("a recorded commit id on main"),
                                        "rationale",
                                        Schemas.string("why")),
                                "commit",
                                "rationale"),
                        OutputSchemas.proposed(),
                        handlers::proposeRevert));
    }

    /**
     * Returns the tools, in a stable order.
     *
     * @return the tool definitions
     */
    public List<ToolDefinition> tools() {
        return tools;
    }

    private static ToolDefinition read(
            String name,
            String description,
            Map<String, Object> input,
            Map<String, Object> output,
            Function<Arguments, Outcome> handler) {
        return new ToolDefinition(name, description, input, output, true, guarded(handler));
    }

    private static ToolDefinition propose(
            String name,
            String description,
            Map<String, Object> input,
            Map<String, Object> output,
            Function<Arguments, Outcome> handler) {
        return new ToolDefinition(name, description, input, output, false, guarded(handler));
    }

    private static Function<Map<String, Object>, Outcome> guarded(Function<Arguments, Outcome> handler) {
        return raw -> {
            Outcome outcome = unguarded(handler, raw);
            return outcome.error() ? Echoes.without(outcome, raw) : outcome;
        };
    }

    private static Outcome unguarded(Function<Arguments, Outcome> handler, Map<String, Object> raw) {
        try {
            return handler.apply(Arguments.of(raw));
        } catch (ActionDeniedException e) {
            return denied(e);
        } catch (ArgumentException | InvalidInsightException e) {
            return Outcome.refused("invalid-argument", String.valueOf(e.getMessage()));
        } catch (RateLimitedException e) {
            return Outcome.refused("rate-limit", String.valueOf(e.getMessage()));
        } catch (UnknownProposalException e) {
            return Outcome.refused("unknown-proposal", String.valueOf(e.getMessage()));
        } catch (StackException | PolicyException e) {
            return Outcome.refused("invalid-stack", String.valueOf(e.getMessage()));
        } catch (GitOpsException e) {
            return Outcome.refused("refused", String.valueOf(e.getMessage()));
        }
    }

    private static Outcome denied(ActionDeniedException e) {
        if (SECRET_PLAINTEXT.equals(e.rule())) {
            return Outcome.refused(
                    SECRET_PLAINTEXT,
                    "a literal value is at a secret place. Secret values come "
                            + "from humans only: write a reference such as ${api_token} there and ask a human to supply "
                            + "the value on the review side. The value was not stored and is not repeated here.");
        }
        return Outcome.refused(e.rule(), String.valueOf(e.getMessage()));
    }
}
