package dev.countersign.samples.reviewweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Insight;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalRequest;
import dev.countersign.stack.StackFiles;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The proposal page shows the insight a proposal answers, escaped, and nothing of it when there is none. */
class InsightPageTest {
    @TempDir
    Path directory;

    private GitOpsRepository repository;
    private ReviewWeb web;

    @BeforeEach
    void start() {
        repository = Fixture.repository(directory);
        web = ReviewWeb.start(repository, 0);
    }

    @AfterEach
    void stop() {
        web.close();
        repository.close();
    }

    private String page(Proposal proposal) throws Exception {
        PageClient client = new PageClient(web.uri());
        assertThat(client.signIn("human:carol").statusCode()).isEqualTo(303);
        return client.get("/proposals/" + proposal.id()).body();
    }

    @Test
    void showsTheSummaryConfidenceAndEvidenceEscaped() throws Exception {
        Insight insight = Insight.of(
                "retention pressure is climbing <script>alert(1)</script>",
                List.of(new Insight.Evidence(
                        "prometheus_tsdb_retention_ratio{job=\"<b>\"}", Duration.ofDays(7), List.of(0.6, 0.75, 0.9))),
                0.85);
        Proposal proposal = repository
                .proposer(Fixture.AGENT)
                .propose(ProposalRequest.of(
                                "staging", StackFiles.readStack(Fixture.SAMPLES.resolve("demo/monitoring.yaml")))
                        .rationale("more retention")
                        .insight(insight));

        String page = page(proposal);

        assertThat(page)
                .doesNotContain("<script>alert(1)", "<b>")
                .contains(
                        "<p id=\"insight-summary\">retention pressure is climbing &lt;script&gt;alert(1)&lt;/script&gt;"
                                + " <span class=\"confidence\">(confidence 0.85)</span></p>")
                .contains("<tr><td><code>prometheus_tsdb_retention_ratio{job=&quot;&lt;b&gt;&quot;}</code></td>"
                        + "<td>1w</td><td>0.6, 0.75, 0.9</td></tr>");
    }

    @Test
    void showsNoInsightSectionWithoutOne() throws Exception {
        assertThat(page(Fixture.proposeMonitoring(repository))).doesNotContain("id=\"insight\"");
    }
}
