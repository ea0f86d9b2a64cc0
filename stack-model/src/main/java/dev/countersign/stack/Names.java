package dev.countersign.stack;

import java.util.regex.Pattern;

/** The naming rules of the format. */
final class Names {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
    private static final Pattern KIND = Pattern.compile("[A-Z][A-Za-z0-9]{0,62}");
    private static final Pattern API_VERSION =
            Pattern.compile("([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*/)?"
                    + "[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    static final String LABEL_RULE = "must be a DNS-1123 label ([a-z0-9]([-a-z0-9]*[a-z0-9])?, at most 63 characters;"
            + " no '..', '/' or '\\')";

    private Names() {}

    /** Checks a DNS-1123 label (stack, component, environment and namespace names). */
    static String label(String what, String name) {
        if (!LABEL.matcher(name).matches()) {
            throw new InvalidNameException(what, name, LABEL_RULE);
        }
        return name;
    }

    /** Checks a DNS-1123 subdomain (Kubernetes object names), unless it holds a variable. */
    static String objectName(String name) {
        if (!Template.isTemplated(name) && (!SUBDOMAIN.matcher(name).matches() || name.contains(".."))) {
            throw new InvalidNameException(
                    "object name",
                    name,
                    "must be a DNS-1123 subdomain ([a-z0-9]([-a-z0-9.]*[a-z0-9])?, at most 253 characters; no '..')");
        }
        return name;
    }

    /** Checks a namespace, unless it holds a variable. */
    static String namespace(String name) {
        return Template.isTemplated(name) ? name : label("namespace", name);
    }

    /** Checks a Kubernetes kind: an UpperCamelCase word, never a variable (identity must not depend on one). */
    static String kind(String kind) {
        if (!KIND.matcher(kind).matches()) {
            throw new InvalidNameException(
                    "kind",
                    kind,
                    "must match " + KIND.pattern() + " (a Kubernetes kind; no '/', no variables: an object's"
                            + " identity is fixed in the stack file)");
        }
        return kind;
    }

    /** Checks an apiVersion, {@code version} or {@code group/version}, never a variable. */
    static String apiVersion(String apiVersion) {
        if (apiVersion.length() > 317 || !API_VERSION.matcher(apiVersion).matches()) {
            throw new InvalidNameException(
                    "apiVersion",
                    apiVersion,
                    "must be a version or group/version (a DNS-1123 subdomain and a DNS-1123 label, such as"
                            + " apps/v1; no variables: an object's identity is fixed in the stack file)");
        }
        return apiVersion;
    }

    /** Checks a variable name. */
    static String variable(String name) {
        if (!isVariable(name)) {
            throw new InvalidNameException("variable name", name, "must match [A-Za-z_][A-Za-z0-9_]*");
        }
        return name;
    }

    static boolean isVariable(String name) {
        return VARIABLE.matcher(name).matches();
    }
}
