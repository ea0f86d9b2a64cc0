package dev.countersign.stack;

import java.util.regex.Pattern;

/** The naming rules of a topology: group names, server types, locations, versions, labels and taints. */
final class TopologyNames {
    private static final Pattern LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?");
    private static final Pattern PROVIDER_NAME = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern VERSION =
            Pattern.compile("v(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})\\.(0|[1-9][0-9]{0,3})");
    private static final Pattern QUALIFIED = Pattern.compile("[A-Za-z0-9]([-A-Za-z0-9_.]{0,61}[A-Za-z0-9])?");
    private static final Pattern SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*");
    private static final int MAX_PREFIX = 253;

    private TopologyNames() {}

    static String groupName(String pointer, String name) {
        if (!LABEL.matcher(name).matches()) {
            throw new InvalidStackException(
                    pointer, "invalid node group name '" + Excerpt.of(name) + "': " + Names.LABEL_RULE);
        }
        return name;
    }

    static String serverType(String pointer, String value) {
        return providerName(pointer, "server type", value);
    }

    static String location(String pointer, String value) {
        return providerName(pointer, "location", value);
    }

    static String kubernetesVersion(String pointer, String value) {
        if (!VERSION.matcher(value).matches()) {
            throw new InvalidStackException(
                    pointer,
                    "invalid kubernetesVersion '" + Excerpt.of(value) + "': must be v<major>.<minor>.<patch>,"
                            + " such as v1.32.2");
        }
        return value;
    }

    static String labelKey(String pointer, String what, String key) {
        int slash = key.indexOf('/');
        String prefix = slash < 0 ? "" : key.substring(0, slash);
        String name = slash < 0 ? key : key.substring(slash + 1);
        boolean prefixOk = slash < 0
                || (prefix.length() <= MAX_PREFIX && SUBDOMAIN.matcher(prefix).matches());
        if (!prefixOk || !QUALIFIED.matcher(name).matches()) {
            throw new InvalidStackException(
                    pointer,
                    "invalid " + what + " '" + Excerpt.of(key) + "': must be a Kubernetes qualified name"
                            + " ([prefix/]name; name of at most 63 characters [A-Za-z0-9._-], starting and ending"
                            + " alphanumeric; prefix a DNS subdomain)");
        }
        return key;
    }

    static String labelValue(String pointer, String what, String value) {
        if (!value.isEmpty() && !QUALIFIED.matcher(value).matches()) {
            throw new InvalidStackException(
                    pointer,
                    "invalid " + what + " '" + Excerpt.of(value) + "': must be empty or at most 63 characters"
                            + " [A-Za-z0-9._-], starting and ending alphanumeric");
        }
        return value;
    }

    private static String providerName(String pointer, String what, String value) {
        if (!PROVIDER_NAME.matcher(value).matches()) {
            throw new InvalidStackException(
                    pointer,
                    "invalid " + what + " '" + Excerpt.of(value) + "': must be 1 to 63 characters [A-Za-z0-9._-],"
                            + " starting and ending alphanumeric");
        }
        return value;
    }
}
