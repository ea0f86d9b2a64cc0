package dev.countersign.stack;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * Substitutes variables in value trees, recording every use and every undefined variable.
 *
 * <p>Not thread-safe: one instance serves one render.
 */
final class Resolver {
    private final Map<Scope, Map<String, Object>> scopes = new LinkedHashMap<>();
    private final List<String> resolving = new ArrayList<>();
    private final List<VariableUse> uses = new ArrayList<>();
    private final Map<String, List<Location>> undefined = new LinkedHashMap<>();

    /** A variable's resolved value and the scope it came from. */
    record Resolved(Object value, Scope scope) {}

    Resolver(Map<String, Object> stackDefaults, Map<String, Object> environment, Map<String, Object> overrides) {
        scopes.put(Scope.OVERRIDE, overrides);
        scopes.put(Scope.ENVIRONMENT, environment);
        scopes.put(Scope.STACK_DEFAULT, stackDefaults);
    }

    List<VariableUse> uses() {
        return Collections.unmodifiableList(uses);
    }

    Map<String, List<Location>> undefined() {
        return Collections.unmodifiableMap(undefined);
    }

    /** Returns a copy of the tree with every reference substituted. */
    Object resolve(Object node, Location at) {
        if (node instanceof Map<?, ?> map) {
            var copy = new LinkedHashMap<String, Object>();
            map.forEach((key, value) -> copy.put((String) key, resolve(value, child(at, (String) key))));
            return Collections.unmodifiableMap(copy);
        }
        if (node instanceof List<?> list) {
            var copy = new ArrayList<Object>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(resolve(list.get(i), child(at, Integer.toString(i))));
            }
            return Collections.unmodifiableList(copy);
        }
        return node instanceof String text ? resolveString(text, at) : node;
    }

    /** Resolves one variable through the scopes, or returns null when no scope defines it. */
    @Nullable
    Resolved variable(String name, Location at) {
        int index = resolving.indexOf(name);
        if (index >= 0) {
            var cycle = new ArrayList<>(resolving.subList(index, resolving.size()));
            cycle.add(name);
            throw new VariableCycleException(cycle);
        }
        for (var scope : scopes.entrySet()) {
            Object raw = scope.getValue().get(name);
            if (raw != null) {
                resolving.add(name);
                Object value = resolve(raw, at);
                resolving.remove(resolving.size() - 1);
                return new Resolved(value, scope.getKey());
            }
        }
        return null;
    }

    private Object resolveString(String text, Location at) {
        if (!text.contains("$")) {
            return text;
        }
        Template template = Template.parse(text, at.pointer());
        Template.Ref sole = template.soleReference();
        if (sole != null) {
            Object value = valueOf(sole, at);
            return value == null ? text : value;
        }
        var out = new StringBuilder();
        for (Template.Part part : template.parts()) {
            out.append(part instanceof Template.Ref ref ? interpolated(ref, at) : ((Template.Text) part).text());
        }
        return out.toString();
    }

    private String interpolated(Template.Ref ref, Location at) {
        Object value = valueOf(ref, at);
        if (value == null) {
            return "";
        }
        if (!Values.isScalar(value)) {
            throw new InvalidStackException(
                    at.pointer(),
                    "variable '" + ref.name() + "' holds " + Fields.kind(value)
                            + " and cannot be interpolated into a longer string");
        }
        return Values.text(value);
    }

    private @Nullable Object valueOf(Template.Ref ref, Location at) {
        Resolved resolved = variable(ref.name(), at);
        if (resolved != null) {
            uses.add(new VariableUse(at, ref.name(), resolved.scope()));
            return resolved.value();
        }
        String fallback = ref.fallback();
        if (fallback != null) {
            uses.add(new VariableUse(at, ref.name(), Scope.INLINE_DEFAULT));
            return fallback;
        }
        undefined.computeIfAbsent(ref.name(), name -> new ArrayList<>()).add(at);
        return null;
    }

    private static Location child(Location at, String token) {
        return new Location(at.component(), at.pointer() + "/" + Pointers.escape(token));
    }
}
