package dev.countersign.samples.reviewweb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReviewWebTest {
    @TempDir
    Path directory;

    private GitOpsRepository repository;
    private ReviewWeb web;
    private Proposal monitoring;

    @BeforeEach
    void start() {
        repository = Fixture.repository(directory);
        monitoring = Fixture.proposeMonitoring(repository);
        web = ReviewWeb.start(repository, 0);
    }

    @AfterEach
    void stop() {
        web.close();
        repository.close();
    }

    private PageClient signedIn(String principal) throws Exception {
        PageClient client = new PageClient(web.uri());
        assertThat(client.signIn(principal).statusCode()).isEqualTo(303);
        return client;
    }

    private static String sessionCookie(HttpResponse<String> response) {
        return sessionCookies(response).stream().findFirst().orElseThrow();
    }

    private static List<String> sessionCookies(HttpResponse<String> response) {
        return response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .toList();
    }

    private String approvePath() {
        return "/proposals/" + monitoring.id() + "/approve";
    }

    @Nested
    class SigningIn {
        @Test
        void sendsAnAnonymousVisitorToTheLoginForm() throws Exception {
            HttpResponse<String> response = new PageClient(web.uri()).get("/proposals");

            assertThat(response.statusCode()).isEqualTo(303);
            assertThat(response.headers().firstValue("Location")).contains("/login");
        }

        @Test
        void offersThePrincipalsThePolicyNames() throws Exception {
            String page = new PageClient(web.uri()).get("/login").body();

            assertThat(page)
                    .contains("<option value=\"human:carol\">", "<option value=\"agent:builder\">")
                    .contains("A real host signs people and agents in with its own authentication")
                    .doesNotContain("human:*");
        }

        @Test
        void refusesAPrincipalThePolicyDoesNotName() throws Exception {
            HttpResponse<String> response = new PageClient(web.uri()).signIn("human:mallory");

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("&#39;human:mallory&#39; is not a principal of the policy");
        }

        @Test
        void setsARandomHttpOnlyStrictCookie() throws Exception {
            HttpResponse<String> first = new PageClient(web.uri()).signIn("human:carol");
            HttpResponse<String> second = new PageClient(web.uri()).signIn("human:carol");

            assertThat(sessionCookie(first))
                    .matches("countersign-review=[A-Za-z0-9_-]{43}; Path=/; HttpOnly; SameSite=Strict");
            assertThat(sessionCookie(second)).isNotEqualTo(sessionCookie(first));
            assertThat(first.headers().allValues("Set-Cookie"))
                    .contains("countersign-login=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0");
        }

        @Test
        void theSignInFormCarriesATokenDoubledInAStrictCookie() throws Exception {
            HttpResponse<String> form = new PageClient(web.uri()).get("/login");

            String cookie = form.headers().firstValue("Set-Cookie").orElseThrow();
            assertThat(cookie).matches("countersign-login=[A-Za-z0-9_-]{43}; Path=/login; HttpOnly; SameSite=Strict");
            String token = cookie.substring("countersign-login=".length(), cookie.indexOf(';'));
            assertThat(form.body()).contains("name=\"csrf\" value=\"" + token + "\"");
        }

        @Test
        void keepsTheSignInTokenABrowserAlreadyHolds() throws Exception {
            PageClient browser = new PageClient(web.uri());
            String first =
                    browser.get("/login").headers().firstValue("Set-Cookie").orElseThrow();
            String cookie = first.substring(0, first.indexOf(';'));

            HttpResponse<String> again = browser.withCookie(cookie).get("/login");
            HttpResponse<String> forged = new PageClient(web.uri())
                    .withCookie("countersign-login=short")
                    .get("/login");

            assertThat(again.headers().firstValue("Set-Cookie")).hasValue(first);
            assertThat(forged.headers().firstValue("Set-Cookie").orElseThrow())
                    .matches("countersign-login=[A-Za-z0-9_-]{43}; .*");
        }

        @Test
        void refusesASignInPostedWithoutTheFormsToken() throws Exception {
            // what a page on another site can do: post the form, but without the SameSite=Strict cookie
            HttpResponse<String> noToken = new PageClient(web.uri()).post("/login", Map.of("principal", "human:carol"));
            String token = new PageClient(web.uri())
                    .get("/login")
                    .headers()
                    .firstValue("Set-Cookie")
                    .orElseThrow();
            String value = token.substring("countersign-login=".length(), token.indexOf(';'));
            HttpResponse<String> tokenWithoutCookie =
                    new PageClient(web.uri()).post("/login", Map.of("principal", "human:carol", "csrf", value));
            HttpResponse<String> wrongToken = new PageClient(web.uri())
                    .withCookie("countersign-login=" + value)
                    .post("/login", Map.of("principal", "human:carol", "csrf", value + "x"));

            for (HttpResponse<String> response : List.of(noToken, tokenWithoutCookie, wrongToken)) {
                assertThat(response.statusCode()).isEqualTo(403);
                assertThat(response.body()).contains("missing or wrong CSRF token");
                assertThat(sessionCookies(response)).isEmpty();
            }
        }

        @Test
        void signingOutEndsTheSession() throws Exception {
            PageClient carol = signedIn("human:carol");

            assertThat(carol.post("/logout", Map.of("csrf", carol.csrfToken())).statusCode())
                    .isEqualTo(303);
            assertThat(carol.get("/proposals").statusCode()).isEqualTo(303);
        }
    }

    @Nested
    class Showing {
        @Test
        void listsTheProposalsByState() throws Exception {
            String page = signedIn("human:carol").get("/proposals").body();

            assertThat(page).contains("<h2 id=\"state-proposed\">PROPOSED</h2>", monitoring.id(), "staging/monitoring");
        }

        @Test
        void showsDiffPictureWavesVariablesSecretsAndDecision() throws Exception {
            String page =
                    signedIn("human:carol").get("/proposals/" + monitoring.id()).body();

            assertThat(page)
                    .contains(
                            "<svg xmlns=\"http://www.w3.org/2000/svg\"",
                            ">cert-manager (added)</text>",
                            ">grafana (added)</text>")
                    .contains("<li>cert-manager, prometheus</li>", "<li>grafana</li>")
                    .contains("<strong>added</strong> cert-manager, letsencrypt-issuer, prometheus")
                    .contains("Nothing is removed")
                    .contains("<code>domain</code></td><td>environment</td>")
                    .contains("<code>retention</code></td><td>stack-default</td>")
                    .contains("No secret values in this stack")
                    .contains("staging needs 1 approval(s) from admin, approver; valid approvals: 0.")
                    .contains("<td>propose</td><td>agent:builder</td><td>allow</td>")
                    .contains("<button type=\"submit\" id=\"approve\">Approve</button>");
        }

        @Test
        void showsEveryAddedComponentInFullAsCollapsibleHighlightedYaml() throws Exception {
            String page =
                    signedIn("human:carol").get("/proposals/" + monitoring.id()).body();

            assertThat(page)
                    .contains("<details class=\"diff change-added\" id=\"component-prometheus\" open><summary><code>"
                            + "prometheus</code> added</summary>")
                    .contains("<span class=\"hunk\">@@ -0,0 +1,")
                    .contains("<span class=\"line added\">+<span class=\"k\">name</span>: <span class=\"v\">"
                            + "prometheus</span></span>")
                    .contains("<span class=\"k\">replicaCount</span>: <span class=\"v\">&quot;${replicas}&quot;")
                    .contains("<code>environments/staging/monitoring/stack.yaml</code> added")
                    .contains("<code>environments/staging/monitoring/rendered.yaml</code> added")
                    .contains("<th>component</th><th>chart</th><th>before</th><th>after</th><th>change</th>")
                    .contains("<td><code>https://charts.jetstack.io cert-manager</code></td><td><code>none</code>"
                            + "</td><td><code>v1.16.2</code></td><td>added</td>");
        }

        @Test
        void showsEachVariablesValueAndTheFileThatSetIt() throws Exception {
            String page =
                    signedIn("human:carol").get("/proposals/" + monitoring.id()).body();

            assertThat(page)
                    .contains("<td><code>domain</code></td><td>environment</td><td><code>ops@app.staging.example.com"
                            + "</code></td><td><code>.countersign/environments/staging.yaml</code></td>")
                    .contains("<td><code>retention</code></td><td>stack-default</td><td><code>15d</code></td><td>"
                            + "<code>environments/staging/monitoring/stack.yaml</code></td>");
        }

        @Test
        void marksARemovedComponentInThePictureAndNamesWhatDependedOnIt() throws Exception {
            repository.reviewer(Fixture.ALICE).approve(monitoring.id());
            Proposal smaller = repository
                    .proposer(Fixture.AGENT)
                    .propose("staging", Fixture.withoutGrafana(), "drop grafana", List.of());

            String page =
                    signedIn("human:carol").get("/proposals/" + smaller.id()).body();

            assertThat(page)
                    .contains(">grafana (removed)</text>")
                    .contains("<details class=\"diff change-removed\" id=\"component-grafana\" open>")
                    .contains(
                            "<li class=\"change-removed\"><code>grafana</code> is removed; depending on it: nothing</li>");
        }

        @Test
        void escapesEverythingThatComesFromTheProposal() throws Exception {
            Proposal hostile = Fixture.proposeHostile(repository);
            PageClient carol = signedIn("human:carol");

            String page = carol.get("/proposals/" + hostile.id()).body();
            String list = carol.get("/proposals").body();

            assertThat(page + list).doesNotContain("<script>", "<img src=x>");
            assertThat(page)
                    .contains("&lt;script&gt;alert(&quot;rationale&quot;)&lt;/script&gt; &amp; &#39;quoted&#39;")
                    .contains("&lt;script&gt;alert(&#39;value&#39;)&lt;/script&gt; &amp; \\&quot;quoted\\&quot;")
                    .contains("&quot;&gt;&lt;img src=x&gt;");
            assertThat(list).contains("&lt;script&gt;alert(&quot;rationale&quot;)");
        }

        @Test
        void sendsHeadersThatForbidScriptsAndFraming() throws Exception {
            HttpResponse<String> response = signedIn("human:carol").get("/proposals/" + monitoring.id());

            assertThat(response.headers().firstValue("Content-Security-Policy"))
                    .hasValueSatisfying(
                            csp -> assertThat(csp).contains("default-src 'none'", "frame-ancestors 'none'"));
            assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
        }

        @Test
        void answersAnUnknownProposalWith404() throws Exception {
            HttpResponse<String> response = signedIn("human:carol").get("/proposals/p-000000000000");

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Nested
    class Reviewing {
        @Test
        void recordsAHumanApprovalAndShowsTheCommit() throws Exception {
            PageClient carol = signedIn("human:carol");

            HttpResponse<String> response = carol.post(approvePath(), Map.of("csrf", carol.csrfToken()));

            assertThat(response.statusCode()).isEqualTo(303);
            Proposal recorded = repository.proposal(monitoring.id());
            assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
            assertThat(carol.get("/proposals/" + monitoring.id()).body())
                    .contains("id=\"state\">RECORDED</span>")
                    .contains(recorded.recordedCommit())
                    .contains("approved by human:carol")
                    .doesNotContain("id=\"approve\"");
        }

        @Test
        void rejectsWithAReason() throws Exception {
            PageClient carol = signedIn("human:carol");

            carol.post(
                    "/proposals/" + monitoring.id() + "/reject",
                    Map.of("csrf", carol.csrfToken(), "reason", "not now"));

            assertThat(repository.proposal(monitoring.id()).state()).isEqualTo(ProposalState.REJECTED);
        }

        @Test
        void refusesARejectionWithoutAReason() throws Exception {
            PageClient carol = signedIn("human:carol");

            HttpResponse<String> response =
                    carol.post("/proposals/" + monitoring.id() + "/reject", Map.of("csrf", carol.csrfToken()));

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(repository.proposal(monitoring.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void showsThePolicyRuleThatDeniesAnApproval() throws Exception {
            Proposal own = Fixture.proposeOnBehalfOf(repository, Principal.human("carol"));
            PageClient carol = signedIn("human:carol");

            HttpResponse<String> response =
                    carol.post("/proposals/" + own.id() + "/approve", Map.of("csrf", carol.csrfToken()));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Denied by rule").contains("human:carol");
            assertThat(repository.proposal(own.id()).validApprovals()).isEmpty();
        }
    }

    @Nested
    class Failing {
        @TempDir
        Path emptyDirectory;

        @Test
        void answersAnUninitializedRepositoryWith500AndTheReason() throws Exception {
            try (GitOpsRepository empty = GitOpsRepository.open(emptyDirectory);
                    ReviewWeb emptyWeb = ReviewWeb.start(empty, 0)) {
                HttpResponse<String> response = new PageClient(emptyWeb.uri()).get("/login");

                assertThat(response.statusCode()).isEqualTo(500);
                assertThat(response.body()).contains("initialize it first");
            }
        }

        @Test
        void readsTheCommandLine() {
            ReviewWeb.Options options =
                    ReviewWeb.Options.parse(new String[] {"--repo", emptyDirectory.toString(), "--port", "0"});

            assertThat(options.repo()).isEqualTo(emptyDirectory);
            assertThat(options.port()).isZero();
            assertThatThrownBy(() -> ReviewWeb.Options.parse(new String[] {"--port", "x"}))
                    .hasMessageContaining("invalid port 'x'");
            assertThatThrownBy(() -> ReviewWeb.Options.parse(new String[] {"--port", "1"}))
                    .hasMessageContaining("--repo must name the directory");
            assertThatThrownBy(() -> ReviewWeb.Options.parse(new String[] {"--repo"}))
                    .hasMessageContaining("needs a value");
        }
    }

    @Nested
    class InAFreeze {
        @TempDir
        Path frozenDirectory;

        @Test
        void showsAnApprovalTheFreezeHoldsWithARecordButton() throws Exception {
            Clock yearEnd = Clock.fixed(Instant.parse("2026-12-24T10:00:00Z"), ZoneOffset.UTC);
            try (GitOpsRepository frozen = Fixture.repository(frozenDirectory, yearEnd);
                    ReviewWeb frozenWeb = ReviewWeb.start(frozen, 0)) {
                Proposal production = Fixture.proposeForProduction(frozen);
                frozen.reviewer(Fixture.ALICE).approve(production.id());
                PageClient carol = new PageClient(frozenWeb.uri());
                carol.signIn("human:carol");
                String path = "/proposals/" + production.id();

                carol.post(path + "/approve", Map.of("csrf", carol.csrfToken()));
                String approved = carol.get(path).body();
                carol.post(path + "/record", Map.of("csrf", carol.csrfToken()));

                assertThat(approved)
                        .contains("id=\"state\">APPROVED</span>", "production needs 2 approval(s)")
                        .contains("<button type=\"submit\" id=\"record\">Record</button>")
                        .contains("year-end freeze");
                assertThat(frozen.proposal(production.id()).state()).isEqualTo(ProposalState.APPROVED);
                assertThat(frozen.proposal(production.id()).decisions())
                        .extracting(d -> d.action() + ":" + d.verdict())
                        .endsWith("record:hold");
            }
        }
    }

    @Nested
    class Refusing {
        @Test
        void showsAnAgentNoButton() throws Exception {
            String page = signedIn("agent:builder")
                    .get("/proposals/" + monitoring.id())
                    .body();

            assertThat(page)
                    .contains("id=\"no-review\"", "only humans review")
                    .doesNotContain("id=\"approve\"", "id=\"reject\"");
        }

        @Test
        void refusesAnAgentPostingAnApprovalWithAValidToken() throws Exception {
            PageClient agent = signedIn("agent:builder");

            HttpResponse<String> response = agent.post(approvePath(), Map.of("csrf", agent.csrfToken()));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(response.body()).contains("Denied by rule humans-approve");
            assertThat(repository.proposal(monitoring.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void refusesAPostWithoutOrWithAWrongCsrfToken() throws Exception {
            PageClient carol = signedIn("human:carol");

            assertThat(carol.post(approvePath(), Map.of()).statusCode()).isEqualTo(403);
            assertThat(carol.post(approvePath(), Map.of("csrf", "forged")).statusCode())
                    .isEqualTo(403);
            assertThat(repository.proposal(monitoring.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }

        @Test
        void refusesAnotherSessionsToken() throws Exception {
            PageClient carol = signedIn("human:carol");
            PageClient dave = signedIn("human:dave");

            assertThat(carol.post(approvePath(), Map.of("csrf", dave.csrfToken()))
                            .statusCode())
                    .isEqualTo(403);
        }

        @Test
        void refusesAPostWithoutASession() throws Exception {
            HttpResponse<String> response = new PageClient(web.uri()).post(approvePath(), Map.of("csrf", "x"));

            assertThat(response.statusCode()).isEqualTo(403);
            assertThat(repository.proposal(monitoring.id()).state()).isEqualTo(ProposalState.PROPOSED);
        }
    }
}
