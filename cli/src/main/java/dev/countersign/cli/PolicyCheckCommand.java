package dev.countersign.cli;

import dev.countersign.policy.Action;
import dev.countersign.policy.Approval;
import dev.countersign.policy.Decision;
import dev.countersign.policy.PolicyEngine;
import dev.countersign.policy.PolicyException;
import dev.countersign.policy.PolicyRequest;
import dev.countersign.policy.Principal;
import dev.countersign.stack.Stack;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;

/**
 * {@code countersign policy check}: the decision for one request. Exit 0 for allow, 1 for deny or
 * needs-approvals, 2 for usage errors.
 */
@Command(
        name = "check",
        description = "Decide whether a principal may take an action in an environment, with the reasons.")
final class PolicyCheckCommand extends Subcommand {
    @Option(names = "--policy", required = true, paramLabel = "POLICY", description = "The policy file.")
    @SuppressWarnings("NullAway.Init")
    Path policy;

    @Option(names = "--as", required = true, paramLabel = "PRINCIPAL", description = "Who asks, e.g. agent:builder.")
    @SuppressWarnings("NullAway.Init")
    String principal;

    @Option(names = "--on-behalf-of", paramLabel = "PRINCIPAL", description = "The human who delegated.")
    @Nullable
    String onBehalfOf;

    @Option(
            names = "--action",
            required = true,
            paramLabel = "ACTION",
            description = "The action: propose, approve, record, ….")
    @SuppressWarnings("NullAway.Init")
    String action;

    @Option(names = "--env", required = true, paramLabel = "ENV", description = "The environment name.")
    @SuppressWarnings("NullAway.Init")
    String environment;

    @Option(names = "--base", paramLabel = "OLD_STACK", description = "The recorded stack file.")
    @Nullable
    Path base;

    @Option(names = "--stack", paramLabel = "NEW_STACK", description = "The proposed stack file.")
    @Nullable
    Path stack;

    @Option(
            names = "--approvals",
            split = ",",
            paramLabel = "PRINCIPAL",
            description = "Approvals given for the proposed stack, e.g. human:a,human:b.")
    List<String> approvals = new ArrayList<>();

    @Option(names = "--proposer", paramLabel = "PRINCIPAL", description = "Who proposed the change.")
    @Nullable
    String proposer;

    @Option(names = "--at", paramLabel = "INSTANT", description = "Decide as of this UTC instant (default: now).")
    @Nullable
    String at;

    @Mixin
    OutputOption output = new OutputOption();

    @Override
    public Integer call() {
        Decision decision = PolicyEngine.of(inputs().policy(policy), clock()).decide(request());
        if (output.format == Output.JSON) {
            out().println(decision.toJson());
            out().flush();
        } else {
            output.print(() -> List.of(decision.render()), () -> DecisionModel.of(decision));
        }
        return decision.allowed() ? 0 : Countersign.EXIT_NO;
    }

    private PolicyRequest request() {
        Principal who = principal(principal);
        if (onBehalfOf != null) {
            who = delegate(who, principal(onBehalfOf));
        }
        PolicyRequest.Builder builder = builder(who);
        Stack proposed = stack == null ? null : inputs().stack(stack);
        if (proposed != null) {
            String hash = proposed.contentHash().value();
            builder.contentHash(hash).approvals(approvals(hash));
            if (base == null) {
                builder.firstVersion(proposed);
            } else {
                builder.change(inputs().stack(base), proposed);
            }
        } else if (base != null || !approvals.isEmpty()) {
            throw usage("--base and --approvals need --stack, the proposed stack they are about");
        }
        if (proposer != null) {
            builder.proposer(principal(proposer));
        }
        return build(builder);
    }

    private PolicyRequest.Builder builder(Principal who) {
        try {
            return PolicyRequest.builder(who, Action.parse(action), environment);
        } catch (PolicyException e) {
            throw usage(String.valueOf(e.getMessage()));
        }
    }

    private PolicyRequest build(PolicyRequest.Builder builder) {
        try {
            return builder.build();
        } catch (PolicyException e) {
            throw usage(e.getMessage() + " (--proposer and --stack)");
        }
    }

    private List<Approval> approvals(String hash) {
        return approvals.stream()
                .map(name -> new Approval(principal(name), hash))
                .toList();
    }

    private Principal principal(String text) {
        try {
            return Principal.parse(text);
        } catch (PolicyException e) {
            throw usage(String.valueOf(e.getMessage()));
        }
    }

    private Principal delegate(Principal who, Principal human) {
        try {
            return who.actingFor(human);
        } catch (PolicyException e) {
            throw usage(String.valueOf(e.getMessage()));
        }
    }

    private Clock clock() {
        if (at == null) {
            return Clock.systemUTC();
        }
        try {
            return Clock.fixed(Instant.parse(at), ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw usage("--at '" + at + "' is not a UTC instant such as 2026-12-24T10:00:00Z");
        }
    }

    private ParameterException usage(String message) {
        return new ParameterException(spec.commandLine(), message);
    }
}
