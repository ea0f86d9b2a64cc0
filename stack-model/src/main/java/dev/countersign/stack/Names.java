package dev.countersign.stack;

import java.util.regex.Pattern;

/** The naming rules of the format. */
final class Names {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern SUBDOMAIN = Pattern.compile("[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?");
    private static final Pattern VARIABLE = Pattern.compile("[A-Za-z_][A-Za-z0-9_]*");
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
