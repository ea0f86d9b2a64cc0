package dev.countersign.stack;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A named set of components with their dependency graph and variable defaults: the unit an agent
 * proposes, a reviewer reads and Git records.
 *
 * <p>Immutable and thread-safe. The constructor guarantees unique component names, existing
 * dependency targets and an acyclic graph. {@link #toString()} shows names only, never values.
 *
 * @param name the stack name, a DNS-1123 label
 * @param variables the variable defaults (lowest precedence), by variable name
 * @param components the components, in document order
 */
public record Stack(String name, Map<String, Object> variables, List<Component> components) {
    static final String KIND = "Stack";
    private static final Set<String> SPEC_KEYS = Set.of("variables", "components");

    /**
     * Validates and copies the fields.
     *
     * @param name the stack name, a DNS-1123 label
     * @param variables the variable defaults (lowest precedence), by variable name
     * @param components the components, in document order
     * @throws InvalidNameException if a name breaks its rule
     * @throws InvalidStackException if two components share a name
     * @throws DuplicateObjectException if two manifests declare one object (same {@link ObjectKey})
     * @throws UnknownDependencyException if a dependency names no component
     * @throws DependencyCycleException if the dependencies form a cycle
     */
    public Stack {
        Names.label("stack name", name);
        variables = Variables.checked(variables, "/spec/variables");
        components = List.copyOf(components);
        Graph.of(components);
        ObjectKeys.checkUnique(components);
    }

    /**
     * Finds a component by name.
     *
     * @param componentName the name to look for
     * @return the component, or empty when the stack has none of that name
     */
    public Optional<Component> component(String componentName) {
        return components.stream().filter(c -> c.name().equals(componentName)).findFirst();
    }

    /**
     * Returns the component names in document order.
     *
     * @return the names
     */
    public List<String> componentNames() {
        return components.stream().map(Component::name).toList();
    }

    /**
     * Returns the canonical content hash of this stack (see {@link ContentHash}).
     *
     * @return the hash
     */
    public ContentHash contentHash() {
        return ContentHash.of(toTree());
    }

    /**
     * Renders this stack for an environment with no overrides.
     *
     * @param environment the target environment
     * @return the resolved stack with the provenance of every variable use
     * @throws UndefinedVariableException if a used variable has no value
     * @throws VariableCycleException if variable values reference each other in a cycle
     * @throws InvalidStackException if a resolved value breaks a rule
     */
    public RenderedStack render(Environment environment) {
        return render(environment, Map.of());
    }

    /**
     * Renders this stack for an environment, with explicit overrides taking precedence over the
     * environment's values, which take precedence over this stack's defaults.
     *
     * @param environment the target environment
     * @param overrides values by variable name (highest precedence)
     * @return the resolved stack with the provenance of every variable use
     * @throws UndefinedVariableException if a used variable has no value; nothing is rendered
     * @throws VariableCycleException if variable values reference each other in a cycle
     * @throws InvalidStackException if a resolved value breaks a rule
     */
    public RenderedStack render(Environment environment, Map<String, Object> overrides) {
        return Renderer.render(this, environment, Variables.checked(overrides, "/overrides"));
    }

    /**
     * Returns a copy in which every secret value is replaced by {@link RenderedStack#REDACTED}.
     *
     * @return the redacted stack
     */
    public Stack redacted() {
        return withComponents(components.stream().map(Renderer::redact).toList());
    }

    /**
     * Returns the variables referenced at secret places (a component's {@code secrets} pointers, the data
     * of a Kubernetes {@code Secret}): their values are secret too, and come from a secrets file.
     *
     * @return the variable names, in document order, without repeats
     */
    public List<String> secretVariables() {
        return SecretPlaces.variables(this);
    }

    /**
     * Returns where each variable lands: every place (component and JSON pointer relative to the
     * component's tree, as in {@link Component#toTree()}) whose value references it, directly or through
     * the defaults of other variables. A variable in a map key is never substituted and lands nowhere.
     *
     * @return the places by variable name; a variable defined but never used is absent
     * @throws InvalidStackException if a value holds a malformed reference
     */
    public Map<String, Set<Location>> variablePlaces() {
        return VariablePlaces.of(this);
    }

    /**
     * Returns the variables that carry a secret: the {@link #secretVariables()}, and every variable
     * whose default value references one of them, directly or through other variables. A secret
     * variable may be used only at secret places; using a carrier anywhere else sends the secret out.
     *
     * @return the variable names, secret variables first, without repeats
     */
    public Set<String> secretCarryingVariables() {
        return SecretPlaces.carriers(this, List.of(variables));
    }

    /**
     * Returns every reference to a variable in the components, as written (before rendering).
     *
     * @return the references, in document order
     */
    public List<VariableReference> variableReferences() {
        return SecretPlaces.references(this);
    }

    /**
     * Returns a copy with other components and the same name and variables.
     *
     * @param replacement the new components
     * @return the new stack
     */
    public Stack withComponents(List<Component> replacement) {
        return new Stack(name, variables, replacement);
    }

    /**
     * Returns this stack as a plain value tree, as written in a stack file.
     *
     * @return the document tree ({@code apiVersion}, {@code kind}, {@code metadata}, {@code spec})
     */
    public Map<String, Object> toTree() {
        var spec = new LinkedHashMap<String, Object>();
        if (!variables.isEmpty()) {
            spec.put("variables", variables);
        }
        spec.put("components", components.stream().map(Component::toTree).toList());
        return Documents.envelope(KIND, name, spec);
    }

    /**
     * Reads a stack from its document tree.
     *
     * @param document the tree of a {@code kind: Stack} document
     * @return the stack
     * @throws StackException if the document breaks a rule; pointers are relative to the document
     */
    public static Stack fromTree(Object document) {
        var spec = Documents.spec(document, KIND).only(SPEC_KEYS);
        var components = new ArrayList<Component>();
        List<Object> items = spec.list("components");
        for (int i = 0; i < items.size(); i++) {
            components.add(component(items.get(i), spec.at("components") + "/" + i));
        }
        return new Stack(Documents.name(document), spec.map("variables"), components);
    }

    @Override
    public String toString() {
        return "Stack[name=" + name + ", variables=" + variables.keySet() + ", components=" + componentNames() + "]";
    }

    private static Component component(Object tree, String pointer) {
        try {
            return Component.fromTree(tree);
        } catch (InvalidStackException e) {
            throw e.within(pointer);
        }
    }
}
