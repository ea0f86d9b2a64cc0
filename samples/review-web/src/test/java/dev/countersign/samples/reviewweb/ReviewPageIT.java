package dev.countersign.samples.reviewweb;

import static org.assertj.core.api.Assertions.assertThat;

import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.NoSuchElementException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * The review page in a real browser: headless Chromium driven by Selenium through the system's
 * chromedriver. A human signs in, opens the proposal, sees its picture and approves it; an agent sees no
 * button and is refused when it posts anyway.
 */
class ReviewPageIT {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final Path SCREENSHOT = Path.of("target", "review-page.png");
    private static final Duration PAGE_WAIT = Duration.ofSeconds(30);

    @TempDir
    Path directory;

    @TempDir
    Path profile;

    private GitOpsRepository repository;
    private ReviewWeb web;
    private WebDriver driver;

    @BeforeEach
    void start() {
        assertThat(Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER))
                .as(
                        "the browser test needs %s and %s: apt-get install chromium chromium-driver (.ci/run does)",
                        CHROMIUM, CHROMEDRIVER)
                .isTrue();
        repository = Fixture.repository(directory);
        web = ReviewWeb.start(repository, 0);
        driver = chromium();
    }

    @AfterEach
    void stop() {
        if (driver != null) {
            driver.quit();
        }
        if (web != null) {
            web.close();
        }
        if (repository != null) {
            repository.close();
        }
    }

    private WebDriver chromium() {
        System.setProperty("webdriver.chrome.driver", CHROMEDRIVER.toString());
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--window-size=1280,1900",
                "--user-data-dir=" + profile);
        ChromeDriver chrome = new ChromeDriver(service, options);
        chrome.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return chrome;
    }

    @Test
    void aHumanApprovesFromThePageAndAnAgentIsRefused() throws Exception {
        Proposal monitoring = Fixture.proposeMonitoring(repository);

        signIn("human:carol");
        assertThat(driver.findElement(By.id("state-proposed")).getText()).isEqualTo("PROPOSED");
        driver.findElement(By.linkText(monitoring.id())).click();
        seeTheReview(monitoring);
        keepScreenshot();

        driver.findElement(By.id("approve")).click();
        // A click returns once the browser has sent the form, not once the answer has loaded.
        assertThat(awaitText(By.id("state"), "RECORDED")).isEqualTo("RECORDED");
        Proposal recorded = repository.proposal(monitoring.id());
        assertThat(recorded.state()).isEqualTo(ProposalState.RECORDED);
        assertThat(driver.findElement(By.id("fact-recorded-commit")).getText()).isEqualTo(recorded.recordedCommit());
        assertThat(driver.findElement(By.id("decision")).getText()).contains("approved by human:carol");
        driver.findElement(By.id("logout")).click();
        assertThat(awaitText(By.cssSelector("#login button"), "Sign in")).isEqualTo("Sign in");

        Proposal next = Fixture.proposeBadUrl(repository);
        signIn("agent:builder");
        driver.get(web.uri() + "proposals/" + next.id());
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("PROPOSED");
        assertThat(driver.findElements(By.cssSelector("#actions button"))).isEmpty();
        assertThat(driver.findElement(By.id("no-review")).getText()).contains("only humans review");
        postingAnywayIsRefused(next);
    }

    private void signIn(String principal) throws InterruptedException {
        driver.get(web.uri() + "login");
        driver.findElement(By.cssSelector("#principal option[value='" + principal + "']"))
                .click();
        driver.findElement(By.cssSelector("#login button")).click();
        assertThat(awaitText(By.className("who"), principal))
                .as(() -> "signed in as " + principal + "; the page is:\n" + driver.getPageSource())
                .isEqualTo(principal);
    }

    /**
     * The text of the element once it reads {@code expected}, or what it last read when {@link #PAGE_WAIT}
     * runs out. A form's click returns before the next page loads, so an element may at first still be the
     * old page's.
     */
    private String awaitText(By locator, String expected) throws InterruptedException {
        long deadline = System.nanoTime() + PAGE_WAIT.toNanos();
        String seen = null;
        while (true) {
            try {
                seen = driver.findElement(locator).getText();
            } catch (StaleElementReferenceException | NoSuchElementException e) {
                seen = null;
            }
            if (expected.equals(seen) || System.nanoTime() - deadline > 0) {
                return seen;
            }
            Thread.sleep(50);
        }
    }

    private void seeTheReview(Proposal monitoring) {
        assertThat(driver.findElement(By.id("state")).getText()).isEqualTo("PROPOSED");
        WebElement picture = driver.findElement(By.cssSelector("#picture svg"));
        assertThat(picture.findElements(By.cssSelector("g.node"))).hasSize(6);
        assertThat(picture.findElements(By.cssSelector("path.edge"))).hasSize(5);
        assertThat(picture.getText())
                .contains("wave 0", "wave 1", "wave 2")
                .contains(
                        "cert-manager",
                        "letsencrypt-issuer",
                        "prometheus",
                        "prometheus-data",
                        "alertmanager",
                        "grafana");
        assertThat(picture.getSize().getWidth()).isGreaterThan(300);
        assertThat(driver.findElement(By.cssSelector("#picture ol.waves")).getText())
                .contains("cert-manager, prometheus");
        assertThat(driver.findElement(By.id("diff")).getText()).contains("added cert-manager, letsencrypt-issuer");
        assertThat(driver.findElement(By.id("blast-radius")).getText()).contains("Nothing is removed");
        assertThat(driver.findElement(By.id("variables")).getText())
                .contains("domain environment ops@app.staging.example.com .countersign/environments/staging.yaml"
                        + " letsencrypt-issuer:/manifests/0/spec/acme/email")
                .contains("retention stack-default 15d");
        assertThat(driver.findElement(By.id("component-grafana")).getText())
                .contains("grafana added", "existingSecret: grafana-admin");
        assertThat(driver.findElement(By.id("files")).getText())
                .contains("environments/staging/monitoring/rendered.yaml added");
        assertThat(driver.findElement(By.id("secrets")).getText()).contains("No secret values");
        assertThat(driver.findElement(By.id("decision")).getText())
                .contains("staging needs 1 approval(s)")
                .contains("propose agent:builder allow");
        assertThat(driver.findElement(By.id("fact-content-hash")).getText()).isEqualTo(monitoring.contentHash());
        assertThat(driver.findElement(By.id("approve")).isDisplayed()).isTrue();
    }

    private void keepScreenshot() throws IOException {
        byte[] png = ((ChromeDriver) driver).getScreenshotAs(OutputType.BYTES);
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        Files.write(SCREENSHOT, png);
        String copy = System.getProperty("reviewweb.screenshot", "");
        if (!copy.isEmpty()) {
            Files.write(Path.of(copy), png);
        }
    }

    private void postingAnywayIsRefused(Proposal next) throws IOException, InterruptedException {
        Cookie session = driver.manage().getCookieNamed(Sessions.COOKIE);
        String token = driver.findElement(By.cssSelector("form.logout input[name='csrf']"))
                .getDomProperty("value");
        PageClient agent = new PageClient(web.uri()).withCookie(session.getName() + "=" + session.getValue());
        String approve = "/proposals/" + next.id() + "/approve";

        HttpResponse<String> withToken = agent.post(approve, Map.of("csrf", token));
        HttpResponse<String> withoutToken = agent.post(approve, Map.of());

        assertThat(withToken.statusCode()).isEqualTo(403);
        assertThat(withToken.body()).contains("Denied by rule humans-approve");
        assertThat(withoutToken.statusCode()).isEqualTo(403);
        assertThat(withoutToken.body()).contains("missing or wrong CSRF token");
        assertThat(repository.proposal(next.id()).state()).isEqualTo(ProposalState.PROPOSED);
        assertThat(repository.proposal(next.id()).approvals()).isEmpty();
    }
}
