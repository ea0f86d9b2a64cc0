package dev.countersign.benchmarks.sops;

import java.util.Random;

/**
 * A deterministic generator of Helm-values-shaped YAML: nested maps, lists of maps, and string, int
 * and bool leaves, with an exact number of leaves.
 */
public final class HelmValues {
    /** The number of leaves in the benchmark file. */
    public static final int BENCHMARK_LEAVES = 50_000;

    private static final int MAX_SERVICE_LEAVES = 40;
    private static final String[] POLICIES = {"IfNotPresent", "Always", "Never"};

    private final StringBuilder out = new StringBuilder();
    private final Random random;
    private int leaves;

    private HelmValues(long seed) {
        this.random = new Random(seed);
    }

    /**
     * Generates a YAML document with exactly {@code leafCount} scalar leaves.
     *
     * @param leafCount the number of leaves, at least 4
     * @param seed the seed; equal seeds give equal documents
     * @return the YAML text
     * @throws IllegalArgumentException when {@code leafCount} is below 4
     */
    public static String generate(int leafCount, long seed) {
        if (leafCount < 4) {
            throw new IllegalArgumentException("leafCount must be at least 4, got " + leafCount);
        }
        HelmValues values = new HelmValues(seed);
        values.document(leafCount);
        return values.out.toString();
    }

    private void document(int leafCount) {
        out.append("global:\n");
        leaf("  region", "eu-west-1");
        leaf("  clusterDomain", "cluster.local");
        leaf("  debug", random.nextBoolean());
        out.append("services:\n");
        int index = 0;
        while (leaves + MAX_SERVICE_LEAVES < leafCount) {
            service(index++);
        }
        out.append("extraLabels:\n");
        while (leaves < leafCount) {
            out.append("  - team-")
                    .append(random.nextInt(1_000))
                    .append("-label-")
                    .append(leaves)
                    .append('\n');
            leaves++;
        }
    }

    private void service(int index) {
        String name = String.format("svc-%05d", index);
        out.append("  ").append(name).append(":\n");
        out.append("    image:\n");
        leaf("      repository", "registry.example.com/team-" + random.nextInt(50) + "/" + name);
        leaf("      tag", "\"1." + random.nextInt(30) + "." + random.nextInt(10) + "\"");
        leaf("      pullPolicy", POLICIES[random.nextInt(POLICIES.length)]);
        leaf("    replicaCount", 1 + random.nextInt(9));
        leaf("    enabled", random.nextBoolean());
        out.append("    resources:\n");
        out.append("      limits:\n");
        leaf("        cpu", (1 + random.nextInt(8)) * 250 + "m");
        leaf("        memory", (1 + random.nextInt(16)) * 128 + "Mi");
        out.append("      requests:\n");
        leaf("        cpu", (1 + random.nextInt(4)) * 100 + "m");
        leaf("        memory", (1 + random.nextInt(8)) * 64 + "Mi");
        out.append("    env:\n");
        int variables = 1 + random.nextInt(8);
        for (int i = 0; i < variables; i++) {
            leaf("      - name", "VAR_" + i);
            leaf("        value", "\"" + Long.toHexString(random.nextLong()) + "\"");
        }
        out.append("    ports:\n");
        leaf("      - name", "http");
        leaf("        containerPort", 8000 + random.nextInt(1_000));
        leaf("        protocol", "TCP");
        out.append("    ingress:\n");
        leaf("      enabled", random.nextBoolean());
        out.append("      hosts:\n");
        leaf("        - host", name + ".example.com");
        leaf("          port", 443);
    }

    private void leaf(String key, Object value) {
        out.append(key).append(": ").append(value).append('\n');
        leaves++;
    }
}
