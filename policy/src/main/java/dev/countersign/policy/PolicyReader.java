package dev.countersign.policy;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import tools.jackson.databind.JsonNode;

/** Reads a policy document strictly: every unknown key, wrong type or dangling name is an error. */
final class PolicyReader {
    static final Pattern NAME = Pattern.compile("[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?");
    private static final String API_VERSION = "countersign.dev/v1";

    private final Map<String, Set<Action>> roles = new LinkedHashMap<>();
    private final Map<String, List<String>> groups = new LinkedHashMap<>();
    private final PrincipalSpellings spellings = new PrincipalSpellings();

    static Policy read(JsonNode document, String source) {
        return new PolicyReader().policy(new Field(document, "policy"), source);
    }

    private Policy policy(Field root, String source) {
        root.object(Set.of("apiVersion", "kind", "metadata", "spec"));
        expect(root.required("apiVersion"), API_VERSION);
        expect(root.required("kind"), "Policy");
        Field metadata = root.required("metadata").object(Set.of("name"));
        String name = name(metadata.required("name"));
        Field spec = root.required("spec")
                .object(Set.of(
                        "roles",
                        "groups",
                        "bindings",
                        "environments",
                        "protect",
                        "agentScope",
                        "blastRadius",
                        "sources",
                        "approverKeys"));
        readRoles(spec.required("roles"));
        readGroups(spec.optional("groups"));
        List<Binding> bindings = bindings(spec.optional("bindings"));
        Map<String, EnvironmentRules> environments =
                new EnvironmentReader(roles).environments(spec.optional("environments"));
        return new Policy(
                name,
                Canonical.hash(root.node()),
                roles,
                groups,
                bindings,
                environments,
                ScopeReader.protections(spec.optional("protect")),
                ScopeReader.agentScope(spec.optional("agentScope")),
                ScopeReader.blastRadius(spec.optional("blastRadius")),
                SourcesReader.sources(spec.optional("sources")),
                new ApproverKeysReader(spellings).read(spec.optional("approverKeys")),
                source);
    }

    private static void expect(Field field, String expected) {
        if (!field.text().equals(expected)) {
            throw field.invalid("'" + Excerpt.of(field.text()) + "' is not supported: must be " + expected);
        }
    }

    static String name(Field field) {
        String name = field.text();
        if (!NAME.matcher(name).matches()) {
            throw field.invalid("'" + Excerpt.of(name) + "' is not a valid name: must match " + NAME.pattern());
        }
        return name;
    }

    private void readRoles(Field field) {
        field.entries().forEach((role, actions) -> {
            if (!NAME.matcher(role).matches()) {
                throw actions.invalid("role name '" + Excerpt.of(role) + "' must match " + NAME.pattern());
            }
            Set<Action> granted = EnumSet.noneOf(Action.class);
            granted.addAll(actions.uniqueList(PolicyReader::action));
            if (granted.isEmpty()) {
                throw actions.invalid("a role must grant at least one action");
            }
            roles.put(role, Set.copyOf(granted));
        });
    }

    private static Action action(Field field, String text) {
        try {
            return Action.parse(text);
        } catch (InvalidRequestException e) {
            throw field.invalid("unknown action '" + Excerpt.of(text) + "': must be one of " + Action.spellings());
        }
    }

    private void readGroups(@org.jspecify.annotations.Nullable Field field) {
        if (field == null) {
            return;
        }
        field.entries().forEach((group, members) -> {
            if (!NAME.matcher(group).matches()) {
                throw members.invalid("group name '" + Excerpt.of(group) + "' must match " + NAME.pattern());
            }
            groups.put(group, List.copyOf(members.uniqueList((item, text) -> principal(item, text, false))));
        });
    }

    private String principal(Field field, String text, boolean wildcard) {
        String canonical = Principal.canonical(text);
        try {
            return wildcard && canonical.endsWith(":" + Binding.ANY)
                    ? Principal.kindOf(text, canonical.substring(0, canonical.length() - 2))
                                    .spelling() + ":" + Binding.ANY
                    : spellings.add(field, text, Principal.parse(text).name());
        } catch (InvalidPrincipalException e) {
            throw field.invalid(String.valueOf(e.getMessage()));
        }
    }

    private List<Binding> bindings(@org.jspecify.annotations.Nullable Field field) {
        List<Binding> bindings = new ArrayList<>();
        if (field != null) {
            field.items().forEach(item -> bindings.add(binding(item)));
        }
        return bindings;
    }

    private Binding binding(Field field) {
        field.object(Set.of("principal", "group", "roles", "environments"));
        Field principal = field.optional("principal");
        Field group = field.optional("group");
        if ((principal == null) == (group == null)) {
            throw field.invalid("needs exactly one of 'principal' or 'group'");
        }
        Set<String> granted = field.required("roles").uniqueList(this::knownRole);
        Set<String> environments = field.required("environments").uniqueList(PolicyReader::environment);
        if (granted.isEmpty() || environments.isEmpty()) {
            throw field.invalid("a binding needs at least one role and one environment");
        }
        return principal != null
                ? new Binding(principal(principal, principal.text(), true), null, granted, environments)
                : new Binding(null, knownGroup(group), granted, environments);
    }

    private String knownGroup(@org.jspecify.annotations.Nullable Field field) {
        String group = java.util.Objects.requireNonNull(field).text();
        if (!groups.containsKey(group)) {
            throw field.invalid("unknown group '" + Excerpt.of(group) + "': defined groups are " + groups.keySet());
        }
        return group;
    }

    String knownRole(Field field, String role) {
        if (!roles.containsKey(role)) {
            throw field.invalid("unknown role '" + Excerpt.of(role) + "': defined roles are " + roles.keySet());
        }
        return role;
    }

    static String environment(Field field, String name) {
        if (!name.equals(Binding.ANY) && !NAME.matcher(name).matches()) {
            throw field.invalid("environment '" + Excerpt.of(name) + "' must be \"*\" or match " + NAME.pattern());
        }
        return name;
    }
}
