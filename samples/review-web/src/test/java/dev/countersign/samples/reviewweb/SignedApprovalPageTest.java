package dev.countersign.samples.reviewweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo policy as shipped requires signed approvals: the page offers the signing commands, not a button. */
class SignedApprovalPageTest {
    @TempDir
    Path directory;

    @Test
    void showsTheSigningCommandsInsteadOfAnApproveButtonAndAForgedPostIsRefused() throws Exception {
        try (GitOpsRepository repository = Fixture.signedRepository(directory);
                ReviewWeb web = ReviewWeb.start(repository, 0)) {
            Proposal monitoring = Fixture.proposeMonitoring(repository);
            PageClient carol = new PageClient(web.uri());
            assertThat(carol.signIn("human:carol").statusCode()).isEqualTo(303);

            String page = carol.get("/proposals/" + monitoring.id()).body();
            HttpResponse<String> forged =
                    carol.post("/proposals/" + monitoring.id() + "/approve", Map.of("csrf", carol.csrfToken()));

            assertThat(page)
                    .doesNotContain("id=\"approve\"")
                    .contains("staging requires signed approvals")
                    .contains("countersign show --repo REPO " + monitoring.id() + " --statement --as human:carol")
                    .contains("ssh-keygen -Y sign -n countersign")
                    .contains("--signature statement.txt.sig")
                    .contains("id=\"reject\"");
            assertThat(forged.body()).contains("signed-approvals");
            assertThat(repository.proposal(monitoring.id()).state()).isEqualTo(ProposalState.PROPOSED);
            assertThat(repository.proposal(monitoring.id()).approvals()).isEmpty();
        }
    }
}
