package dev.countersign.gitops.internal.content;

import dev.countersign.gitops.CommitId;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Review;
import dev.countersign.gitops.content.ComponentDiff;
import dev.countersign.gitops.content.ContentView;
import dev.countersign.gitops.content.FileDiff;
import dev.countersign.gitops.content.VariableValue;
import dev.countersign.gitops.internal.DraftCommit;
import dev.countersign.gitops.internal.StackLayout;
import dev.countersign.gitops.internal.git.GitStore;
import dev.countersign.render.layout.NativeLayout;
import dev.countersign.stack.Environment;
import dev.countersign.stack.Stack;
import java.util.List;
import java.util.Map;

/** Reads the {@link ContentView} of a proposal from its base and draft commits and its review. */
public final class ContentReading {
    private ContentReading() {}

    /**
     * Builds the content view of a proposal.
     *
     * @param git the repository
     * @param proposal the proposal, with its draft commit
     * @param review its review (for a stack change; the empty review of another change is ignored)
     * @return the view
     */
    public static ContentView of(GitStore git, Proposal proposal, Review review) {
        CommitId base = proposal.header().base();
        CommitId draft = DraftCommit.of(proposal);
        List<FileDiff> files = FileDiffs.of(git, base, draft);
        if (proposal.isPolicyChange() || proposal.isEnvironmentChange()) {
            String subject = proposal.isPolicyChange() ? "policy" : "environment";
            String environment = proposal.isPolicyChange() ? "" : proposal.environment();
            return new ContentView(
                    proposal.id(),
                    subject,
                    environment,
                    "",
                    List.of(),
                    files,
                    List.of(),
                    List.of(),
                    List.of(),
                    List.of());
        }
        return ofStack(git, proposal, review, files);
    }

    private static ContentView ofStack(GitStore git, Proposal r, Review review, List<FileDiff> files) {
        CommitId base = r.header().base();
        CommitId draft = DraftCommit.of(r);
        Stack empty = new Stack(r.stack(), Map.of(), List.of());
        Stack before = StackLayout.stack(git, base, r.environment(), r.stack()).orElse(empty);
        Stack after = StackLayout.stack(git, draft, r.environment(), r.stack()).orElse(empty);
        List<ComponentDiff> components = ComponentDiffs.of(before, after);
        return new ContentView(
                r.id(),
                "stack",
                r.environment(),
                r.stack(),
                components,
                files,
                SecretDiffs.of(git, base, draft, r.environment(), r.stack(), review.secretValues()),
                variables(git, r, after),
                review.charts(),
                Impacts.of(before, after, components));
    }

    private static List<VariableValue> variables(GitStore git, Proposal r, Stack after) {
        if (after.components().isEmpty()) {
            return List.of();
        }
        Environment environment = StackLayout.environment(git, r.header().base(), r.environment());
        List<String> secretNames = StackLayout.secretNames(git, DraftCommit.of(r), r.environment(), r.stack());
        return VariableValues.of(
                after.render(environment, NativeLayout.placeholders(secretNames)), r.environment(), r.stack());
    }
}
