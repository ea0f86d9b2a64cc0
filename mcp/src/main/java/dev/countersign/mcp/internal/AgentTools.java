package dev.countersign.mcp.internal;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Insight;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalRequest;
import dev.countersign.gitops.ProposalState;
import dev.countersign.gitops.Proposer;
import dev.countersign.gitops.RecordedState;
import dev.countersign.policy.Principal;
import dev.countersign.stack.DeployPlan;
import dev.countersign.stack.Environment;
import dev.countersign.stack.NullValue;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * The handlers behind the tools, for one agent principal fixed at construction. Each takes checked
 * arguments and answers an {@link Outcome}; exceptions are turned into results by {@link ToolCatalog}.
 * Thread-safe.
 */
public final class AgentTools {
    private final GitOpsRepository repository;
    private final Proposer proposer;
    private final PolicyCheck policyCheck;
    private final ProposalRate rate;
    private final String reviewUrl;

    /**
     * Creates the handlers.
     *
     * @param repository the repository
     * @param agent the agent principal, from configuration only
     * @param policyCheck answers {@code check_policy}
     * @param rate the proposal rate limit
     * @param reviewUrl the review page's base URL
     */
    public AgentTools(
            GitOpsRepository repository,
            Principal agent,
            PolicyCheck policyCheck,
            ProposalRate rate,
            String reviewUrl) {
        this.repository = repository;
        this.proposer = repository.proposer(agent);
        this.policyCheck = policyCheck;
        this.rate = rate;
        this.reviewUrl = reviewUrl.endsWith("/") ? reviewUrl.substring(0, reviewUrl.length() - 1) : reviewUrl;
    }

    Outcome listEnvironments(Arguments args) {
        RecordedState recorded = repository.recorded();
        List<Map<String, Object>> environments = recorded.environments().stream()
                .map(env -> Map.<String, Object>of("name", env, "stacks", recorded.stacks(env)))
                .toList();
        var text = new StringBuilder();
        environments.forEach(e ->
                text.append(e.get("name")).append(": ").append(e.get("stacks")).append('\n'));
        return Outcome.ok(text.toString(), Map.of("environments", environments));
    }

    Outcome listStacks(Arguments args) {
        String environment = args.text("environment");
        List<String> stacks = repository.recorded().stacks(environment);
        return Outcome.ok(
                environment + ": " + String.join(", ", stacks), Map.of("environment", environment, "stacks", stacks));
    }

    Outcome getStack(Arguments args) {
        String environment = args.text("environment");
        String name = args.text("stack");
        Stack stack = recorded(environment, name);
        Map<String, String> fingerprints = repository.recorded().secretFingerprints(environment, name);
        String yaml = StackFiles.toYaml(List.of(stack.redacted().toTree()));
        return Outcome.ok(
                yaml + "\nsecret values (fingerprints only): " + fingerprints.keySet(),
                Map.of(
                        "environment",
                        environment,
                        "stack",
                        name,
                        "document",
                        Objects.requireNonNull(
                                NullValue.toJavaNulls(stack.redacted().toTree())),
                        "secret_fingerprints",
                        fingerprints));
    }

    Outcome validateStack(Arguments args) {
        Stack stack = StackFiles.parseStack(args.text("stack"), "stack");
        return Outcome.ok(
                "valid: stack " + stack.name() + " with components " + stack.componentNames(),
                Map.of("valid", true, "name", stack.name(), "components", stack.componentNames()));
    }

    Outcome planStack(Arguments args) {
        String environment = args.text("environment");
        Stack stack = StackFiles.parseStack(args.text("stack"), "stack");
        Environment target = repository
                .recorded()
                .environment(environment)
                .orElseThrow(() -> new ArgumentException("environment: no environment '" + environment + "'"));
        Optional<Stack> before = repository.recorded().stack(environment, stack.name());
        DeployPlan plan = before.map(b -> DeployPlan.between(b, stack)).orElseGet(() -> DeployPlan.of(stack));
        Map<String, Object> data =
                StructuredContent.plan(plan, stack.render(target).uses());
        return Outcome.ok("waves: " + plan.waves() + "\nblast radius: " + plan.removals(), data);
    }

    Outcome checkPolicy(Arguments args) {
        String action = Optional.ofNullable(args.optionalText("action"))
                .orElse("propose")
                .toLowerCase(Locale.ROOT);
        String environment = args.text("environment");
        Stack stack = StackFiles.parseStack(args.text("stack"), "stack");
        return policyCheck.check(proposer.principal(), action, environment, stack);
    }

    Outcome proposeStack(Arguments args) {
        Stack stack = StackFiles.parseStack(args.text("stack"), "stack");
        return propose(args.text("environment"), stack, args);
    }

    Outcome proposeStackPatch(Arguments args) {
        String environment = args.text("environment");
        Stack patched = patched(environment, args.text("stack"), args.tree("patch"));
        return propose(environment, patched, args);
    }

    Outcome reviseProposal(Arguments args) {
        String id = args.text("id");
        Proposal current = proposer.proposal(id);
        Stack stack = args.optionalText("stack") != null
                ? StackFiles.parseStack(args.text("stack"), "stack")
                : patched(current.environment(), current.stack(), args.tree("patch"));
        rate.take(proposer.principal().toString());
        return proposed("revised " + id + " as", proposer.revise(id, stack));
    }

    Outcome withdrawProposal(Arguments args) {
        Proposal p = proposer.withdraw(args.text("id"));
        return Outcome.ok(p.id() + "\nwithdrawn", StructuredContent.proposal(p, url(p.id())));
    }

    Outcome getProposal(Arguments args) {
        String id = args.text("id");
        var data = StructuredContent.review(proposer.review(id), url(id));
        return Outcome.ok(
                id + "\nstate: " + data.get("state") + "\napprovals: " + data.get("approvals") + "\ndecisions: "
                        + data.get("decisions") + "\ndiff: " + data.get("diff"),
                data);
    }

    Outcome listProposals(Arguments args) {
        String state = args.optionalText("state");
        ProposalState filter = state == null ? null : state(state);
        List<Map<String, Object>> list = repository.proposals(filter).stream()
                .map(p -> StructuredContent.proposal(p, url(p.id())))
                .toList();
        var text = new StringBuilder();
        list.forEach(p -> text.append(p.get("id"))
                .append("  ")
                .append(p.get("state"))
                .append("  ")
                .append(p.get("environment"))
                .append('/')
                .append(p.get("stack"))
                .append('\n'));
        return Outcome.ok(text.toString(), Map.of("proposals", list));
    }

    Outcome proposeRevert(Arguments args) {
        rate.take(proposer.principal().toString());
        return proposed("proposed", proposer.proposeRevert(args.text("commit"), args.text("rationale")));
    }

    private Outcome propose(String environment, Stack stack, Arguments args) {
        rate.take(proposer.principal().toString());
        ProposalRequest request = ProposalRequest.of(environment, stack)
                .rationale(args.text("rationale"))
                .evidence(args.texts("evidence"));
        String insight = args.optionalObjectJson("insight");
        if (insight != null) {
            request = request.insight(Insight.parse(insight, "insight"));
        }
        return proposed("proposed", proposer.propose(request));
    }

    private Outcome proposed(String verb, Proposal p) {
        String url = url(p.id());
        String text = p.id() + "\n" + verb + " " + p.environment() + "/" + p.stack() + ": " + p.state()
                + ".\nNothing is deployed yet. A human must review and approve this proposal at " + url
                + " -- you cannot approve it. Tell the user to open that page.";
        Map<String, Object> data = new LinkedHashMap<>(StructuredContent.proposal(p, url));
        data.put("next_step", "A human must approve at " + url + "; agents cannot approve.");
        return Outcome.ok(text, data);
    }

    private Stack patched(String environment, String name, JsonNode patch) {
        JsonNode document = Arguments.JSON.valueToTree(
                NullValue.toJavaNulls(recorded(environment, name).toTree()));
        String json = Arguments.JSON.writeValueAsString(JsonPatch.apply(document, patch));
        return StackFiles.parseStack(json, "patched stack");
    }

    private Stack recorded(String environment, String name) {
        return repository
                .recorded()
                .stack(environment, name)
                .orElseThrow(() -> new ArgumentException("stack: no stack '" + name + "' recorded in '" + environment
                        + "' (propose_stack creates one)"));
    }

    private String url(String id) {
        return reviewUrl + "/proposals/" + id;
    }

    private static ProposalState state(String text) {
        try {
            return ProposalState.valueOf(text.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ArgumentException("state: unknown state '" + text + "'", e);
        }
    }
}
