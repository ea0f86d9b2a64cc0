package dev.countersign.policy;

import dev.countersign.limits.InputLimits;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

/**
 * A parsed policy file ({@code kind: Policy}): roles, bindings of principals to roles per environment,
 * approvals and freeze windows per environment, protections, the agent scope and the blast-radius
 * threshold, with the content hash every decision records.
 *
 * <p>Reading is strict: unknown keys, wrong types, unknown roles or actions, bad time zones and
 * contradictory settings fail with an {@link InvalidPolicyException} naming the field. Immutable and
 * thread-safe.
 */
public final class Policy {
    private static final int MAX_BYTES = InputLimits.POLICY_CHARS;
    private static final YAMLMapper YAML = YAMLMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .build();

    private final String name;
    private final String hash;
    private final Map<String, Set<Action>> roles;
    private final Map<String, List<String>> groups;
    private final List<Binding> bindings;
    private final Map<String, EnvironmentRules> environments;
    private final Protections protections;
    private final AgentScope agentScope;
    private final BlastRadius blastRadius;
    private final SourceRules sources;
    private final Map<String, List<ApproverKey>> approverKeys;
    private final String source;

    @SuppressWarnings("TooManyParameters") // the package-private constructor of the parsed file
    Policy(
            String name,
            String hash,
            Map<String, Set<Action>> roles,
            Map<String, List<String>> groups,
            List<Binding> bindings,
            Map<String, EnvironmentRules> environments,
            Protections protections,
            AgentScope agentScope,
            BlastRadius blastRadius,
            SourceRules sources,
            Map<String, List<ApproverKey>> approverKeys,
            String source) {
        this.name = name;
        this.hash = hash;
        this.roles = Map.copyOf(roles);
        this.groups = Map.copyOf(groups);
        this.bindings = List.copyOf(bindings);
        this.environments = Map.copyOf(environments);
        this.protections = protections;
        this.agentScope = agentScope;
        this.blastRadius = blastRadius;
        this.sources = sources;
        this.approverKeys = Map.copyOf(approverKeys);
        this.source = source;
    }

    /**
     * Parses a policy from YAML (or JSON, which is YAML too).
     *
     * @param text the policy document
     * @return the policy
     * @throws InvalidPolicyException if the document is malformed or inconsistent
     */
    public static Policy parse(String text) {
        if (text.length() > MAX_BYTES) {
            throw new InvalidPolicyException("policy", "document is larger than " + MAX_BYTES + " characters");
        }
        JsonNode document;
        try {
            document = YAML.readTree(text);
        } catch (JacksonException e) {
            throw new InvalidPolicyException(
                    "policy", "not valid YAML: " + Excerpt.firstLine(String.valueOf(e.getOriginalMessage())), e);
        }
        if (document == null || document.isMissingNode()) {
            throw new InvalidPolicyException("policy", "document is empty");
        }
        return PolicyReader.read(document, text);
    }

    /**
     * Reads and parses a policy file.
     *
     * @param file a YAML or JSON policy file
     * @return the policy
     * @throws PolicyFileException if the file cannot be read
     * @throws InvalidPolicyException if the document is malformed or inconsistent
     */
    public static Policy read(Path file) {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new PolicyFileException(file, e);
        }
    }

    /**
     * The policy's name, from {@code metadata.name}.
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The document this policy was parsed from, exactly as given: the text a repository stores as its policy
     * file, so that storing a parsed policy writes the same bytes as storing its text.
     *
     * @return the policy document's text
     */
    public String source() {
        return source;
    }

    /**
     * The content hash of the policy: {@code sha256:} over its canonical JSON (sorted keys), equal for
     * any key order or YAML/JSON spelling of the same document.
     *
     * @return {@code sha256:} followed by 64 hex digits
     */
    public String hash() {
        return hash;
    }

    /**
     * The roles bound to a principal in an environment, ignoring any delegation.
     *
     * @param principal the principal
     * @param environment the environment name
     * @return the role names, sorted
     */
    public Set<String> roles(Principal principal, String environment) {
        Set<String> bound = new TreeSet<>();
        bindings.stream().filter(b -> b.applies(principal, environment, groups)).forEach(b -> bound.addAll(b.roles()));
        return bound;
    }

    /**
     * The actions a principal may take in an environment. A principal acting on behalf of a human gets
     * only what both it and that human are granted, so delegation never widens anyone's power.
     *
     * @param principal the principal, possibly acting on behalf of a human
     * @param environment the environment name
     * @return the permitted actions
     */
    public Set<Action> permissions(Principal principal, String environment) {
        Set<Action> own = ownPermissions(principal, environment);
        Principal delegator = principal.onBehalfOf();
        if (delegator != null) {
            own.retainAll(ownPermissions(delegator, environment));
        }
        return Set.copyOf(own);
    }

    private Set<Action> ownPermissions(Principal principal, String environment) {
        Set<Action> actions = EnumSet.noneOf(Action.class);
        roles(principal, environment).forEach(role -> actions.addAll(roles.get(role)));
        return actions;
    }

    /**
     * The principals the policy names: every member of a group and every principal a binding names
     * exactly ({@code human:alice}, not the pattern {@code human:*}). A host can offer them on a login
     * form or check that its users are known; the policy grants nothing to anyone it does not name or
     * match.
     *
     * @return the named principals, each acting for itself, sorted by {@link Principal#name()}
     */
    public List<Principal> principals() {
        Set<String> names = new TreeSet<>();
        groups.values().forEach(names::addAll);
        bindings.stream()
                .map(Binding::principal)
                .filter(name -> name != null && !name.endsWith(":" + Binding.ANY))
                .forEach(names::add);
        return names.stream().map(Principal::parse).toList();
    }

    /**
     * The roles that grant an action.
     *
     * @param action the action
     * @return the role names, sorted
     */
    public Set<String> rolesGranting(Action action) {
        Set<String> granting = new TreeSet<>();
        roles.forEach((role, actions) -> {
            if (actions.contains(action)) {
                granting.add(role);
            }
        });
        return granting;
    }

    /**
     * The approvals an environment requires, from its own entry, the {@code "*"} entry, or else one
     * approval from any role that may approve.
     *
     * @param environment the environment name
     * @return the approval rule
     */
    public ApprovalRule approvals(String environment) {
        return rules(environment).approvals();
    }

    /**
     * The freeze windows of an environment, from its own entry or else the {@code "*"} entry.
     *
     * @param environment the environment name
     * @return the windows, in file order
     */
    public List<FreezeWindow> freezeWindows(String environment) {
        return rules(environment).freeze();
    }

    /**
     * Tells whether every approval in an environment must be signed by one of the approver's registered
     * keys ({@code approvals.signed: true}, from its own entry or else the {@code "*"} entry).
     *
     * @param environment the environment name
     * @return true when approvals there need a signature
     */
    public boolean signedApprovals(String environment) {
        return rules(environment).approvals().signed();
    }

    /**
     * The public keys registered for an approver in {@code spec.approverKeys}; an approval signed by any of
     * them is that approver's. A principal acting on behalf of another has no keys of its own here.
     *
     * @param approver the approver
     * @return the keys, in file order; empty when none are registered
     */
    public List<ApproverKey> approverKeys(Principal approver) {
        return approver.onBehalfOf() != null ? List.of() : approverKeys.getOrDefault(approver.name(), List.of());
    }

    /**
     * The kinds {@code spec.protect.kinds} protects against deletion, the built-in ones included; an object of
     * such a kind is protected unless labelled {@code countersign.dev/protected: "false"}.
     *
     * @return the kinds, unmodifiable
     */
    public Set<String> protectedKinds() {
        return protections.kinds();
    }

    /**
     * The components {@code spec.protect.components} protects: each is protected with all its objects.
     *
     * @return the component names, unmodifiable
     */
    public Set<String> protectedComponents() {
        return protections.components();
    }

    EnvironmentRules rules(String environment) {
        EnvironmentRules rules = environments.getOrDefault(environment, environments.get(Binding.ANY));
        return rules != null ? rules : new EnvironmentRules(EnvironmentReader.defaultApprovals(roles), List.of());
    }

    Protections protections() {
        return protections;
    }

    AgentScope agentScope() {
        return agentScope;
    }

    BlastRadius blastRadius() {
        return blastRadius;
    }

    SourceRules sources() {
        return sources;
    }

    /**
     * A short description naming the policy and its hash.
     *
     * @return for example {@code Policy[acme sha256:…]}
     */
    @Override
    public String toString() {
        return "Policy[" + name + " " + hash + "]";
    }
}
