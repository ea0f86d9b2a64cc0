package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Pricing;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;

/**
 * The repository's price catalogue, {@value #PATH}: written at initialization, read at a commit to cost a
 * topology change. Judged at the proposal's base, like the policy: a catalogue changes only through the record.
 */
public final class PricingFile {
    /** The price catalogue's path. */
    public static final String PATH = ".countersign/pricing.yaml";

    private PricingFile() {}

    /**
     * Reads the catalogue recorded at a commit.
     *
     * @param git the store
     * @param commit the commit
     * @return the catalogue, or empty when the commit has none
     * @throws dev.countersign.stack.StackException if the file there is not a valid catalogue
     */
    public static Optional<Pricing> at(GitStore git, CommitId commit) {
        return git.read(commit, PATH).map(bytes -> Pricing.parse(new String(bytes, StandardCharsets.UTF_8), PATH));
    }

    /**
     * Returns the file's content for a catalogue: its canonical YAML.
     *
     * @param pricing the catalogue
     * @return the bytes written
     */
    public static byte[] content(Pricing pricing) {
        return StackFiles.toYaml(List.of(pricing.toTree())).getBytes(StandardCharsets.UTF_8);
    }
}
