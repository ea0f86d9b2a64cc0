package dev.countersign.gitops.internal;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.gitops.internal.git.Idents;
import dev.countersign.gitops.internal.git.Refs;
import dev.countersign.gitops.internal.git.Trailers;
import dev.countersign.gitops.internal.git.TreeId;
import java.time.Instant;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;

/** Writes the first commit of the main line: the policy, the environments and the sops rules. Thread-safe. */
public final class Initialization {
    private final Ledger ledger;

    /**
     * Creates the verb.
     *
     * @param ledger the ledger
     */
    public Initialization(Ledger ledger) {
        this.ledger = ledger;
    }

    /**
     * Writes the root commit.
     *
     * @param files path to content; only paths under {@code .countersign/} and {@code .sops.yaml}
     * @param principal who initializes the repository
     * @return the root commit's id
     * @throws GitOpsException if the main line already exists
     */
    public String initialize(SortedMap<String, byte[]> files, String principal) {
        return ledger.transact(() -> {
            files.keySet().forEach(Layout::requireConfigPath);
            GitStore git = ledger.git();
            Instant now = ledger.now();
            TreeId tree = git.writeTree(null, new TreeMap<String, byte @Nullable []>(files));
            String message = Trailers.builder()
                    .add(Trailers.POLICY, ContentHash.ofBytes(files.getOrDefault(Layout.POLICY, new byte[0])))
                    .build()
                    .appendTo("Initialize the Countersign repository");
            CommitId root = git.commit(tree, List.of(), Idents.of(principal, now), Idents.of(principal, now), message);
            if (!git.compareAndSwap(Refs.MAIN, null, root, "initialize")) {
                throw new GitOpsException("repository at " + git.gitDirectory() + " is already initialized");
            }
            return root.name();
        });
    }
}
