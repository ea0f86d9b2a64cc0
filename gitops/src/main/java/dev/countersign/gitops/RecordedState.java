package dev.countersign.gitops;

import dev.countersign.gitops.internal.Fingerprints;
import dev.countersign.gitops.internal.Layout;
import dev.countersign.gitops.internal.Ledger;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import dev.countersign.stack.StackFiles;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What {@code main} records right now, read-only: the environments, the stacks recorded in each, and the
 * salted fingerprints of their secret values (never the values). Each call reads the current head of
 * {@code main}. Thread-safe.
 */
public final class RecordedState {
    private static final String ENVIRONMENTS = ".countersign/environments";

    private final GitStore git;
    private final Ledger ledger;

    RecordedState(GitStore git, Ledger ledger) {
        this.git = git;
        this.ledger = ledger;
    }

    /**
     * Lists the environments defined on {@code main}.
     *
     * @return their names, sorted
     */
    public List<String> environments() {
        return git.children(head(), ENVIRONMENTS).stream()
                .filter(name -> name.endsWith(".yaml"))
                .map(name -> name.substring(0, name.length() - ".yaml".length()))
                .sorted()
                .toList();
    }

    /**
     * Reads an environment's definition as recorded.
     *
     * @param environment the environment's name
     * @return its definition, or empty when {@code main} has no such environment
     * @throws InvalidProposalException if the name is not a valid environment name
     */
    public Optional<Environment> environment(String environment) {
        String path = Layout.environmentFile(environment);
        return git.read(head(), path).map(bytes -> StackFiles.parseEnvironment(text(bytes), path));
    }

    /**
     * Lists the stacks recorded in an environment.
     *
     * @param environment the environment's name
     * @return the stacks' names, sorted; empty for an unknown environment
     * @throws InvalidProposalException if the name is not a valid environment name
     */
    public List<String> stacks(String environment) {
        CommitId head = head();
        String folder = "environments/" + Layout.name("environment", environment);
        return git.children(head, folder).stream()
                .filter(name -> git.read(head, folder + "/" + name + "/" + StackLayout.STACK)
                        .isPresent())
                .sorted()
                .toList();
    }

    /**
     * Reads a recorded stack. A stack file holds references ({@code ${name}}) at secret places, never values.
     *
     * @param environment the environment's name
     * @param stack the stack's name
     * @return the stack, or empty when it is not recorded there
     * @throws InvalidProposalException if a name is not valid
     */
    public Optional<Stack> stack(String environment, String stack) {
        String path = Layout.fileIn(Layout.stackFolder(environment, stack), StackLayout.STACK);
        return git.read(head(), path).map(bytes -> StackFiles.parseStack(text(bytes), path));
    }

    /**
     * Reads the salted fingerprints of a recorded stack's secret values: enough to tell whether a value
     * changed, never enough to learn it.
     *
     * @param environment the environment's name
     * @param stack the stack's name
     * @return secret variable name to fingerprint, sorted; empty when the stack has no secrets file
     * @throws InvalidProposalException if a name is not valid
     */
    public SortedMap<String, String> secretFingerprints(String environment, String stack) {
        String path = Layout.fileIn(Layout.stackFolder(environment, stack), StackLayout.FINGERPRINTS);
        return git.read(head(), path).map(Fingerprints::read).orElseGet(TreeMap::new);
    }

    private CommitId head() {
        ledger.refresh();
        return ledger.mainHead();
    }

    private static String text(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }
}
