package dev.countersign.cli;

import dev.countersign.gitops.GitOpsRepository;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Checks that the environment or commit a command names exists before it acts, so that an unknown name is "not
 * found" (exit 3) and says what exists instead.
 */
final class KnownNames {
    private static final Pattern COMMIT_ID = Pattern.compile("[0-9a-fA-F]{4,40}");

    private KnownNames() {}

    /** Fails with exit 3 unless the repository records the environment {@code name}. */
    static void environment(GitOpsRepository repo, String name) {
        List<String> known = repo.recorded().environments();
        if (!known.contains(name)) {
            throw CommandFailure.notFound("unknown environment '" + name + "': the repository has "
                    + (known.isEmpty() ? "none" : String.join(", ", known))
                    + " (countersign propose-environment proposes a new one)");
        }
    }

    /** Fails with exit 3 when {@code commit} is a commit id that no recorded change of main starts with. */
    static void commit(GitOpsRepository repo, String commit) {
        if (!COMMIT_ID.matcher(commit).matches()) {
            return;
        }
        String prefix = commit.toLowerCase(Locale.ROOT);
        if (repo.log().stream().noneMatch(change -> change.commit().startsWith(prefix))) {
            throw CommandFailure.notFound("unknown commit '" + commit + "': no recorded change of main has that id"
                    + " (countersign log lists them)");
        }
    }
}
