package dev.countersign.mcp;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Child processes and the review page's HTTP endpoint, for the ITs. */
final class Children {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private Children() {}

    /** The java command running a main class of this test classpath. */
    static List<String> java(String mainClass, String... args) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String classpath =
                System.getProperty("java.class.path") + File.pathSeparator + System.getProperty("jdk.module.path", "");
        var command = new ArrayList<>(List.of(java, "-cp", classpath, mainClass));
        command.addAll(List.of(args));
        return command;
    }

    /** The server command for a repository. */
    static List<String> server(Path repo, String reviewUrl) {
        return java(StdioServerMain.class.getName(), repo.toString(), "agent:builder", reviewUrl);
    }

    /** Starts the review page on a free port and returns its process and address. */
    static ReviewPage reviewPage(Path repo) throws IOException {
        Process process = new ProcessBuilder(
                        java("dev.countersign.samples.reviewweb.ReviewWeb", "--repo", repo.toString(), "--port", "0"))
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        var out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line = out.readLine();
        assertThat(line).as("review page address").contains(" at http://127.0.0.1:");
        return new ReviewPage(process, URI.create(line.substring(line.lastIndexOf(" at ") + 4)));
    }

    /** A running review page. */
    record ReviewPage(Process process, URI uri) implements AutoCloseable {
        /** Signs in as a human and presses approve, as a browser does; returns the HTTP status. */
        int approve(String human, String id) throws IOException, InterruptedException {
            var client = HttpClient.newHttpClient();
            HttpResponse<String> form = client.send(get("/login", ""), HttpResponse.BodyHandlers.ofString());
            String login = cookie(form, "countersign-login");
            HttpResponse<String> signedIn = client.send(
                    post("/login", login, Map.of("principal", human, "csrf", csrf(form.body()))),
                    HttpResponse.BodyHandlers.ofString());
            String session = cookie(signedIn, "countersign-review");
            String token = csrf(client.send(get("/proposals/" + id, session), HttpResponse.BodyHandlers.ofString())
                    .body());
            return client.send(
                            post("/proposals/" + id + "/approve", session, Map.of("csrf", token)),
                            HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        }

        private HttpRequest get(String path, String cookie) {
            var request = HttpRequest.newBuilder(uri.resolve(path)).GET();
            return (cookie.isEmpty() ? request : request.header("Cookie", cookie)).build();
        }

        private HttpRequest post(String path, String cookie, Map<String, String> form) {
            String body = form.entrySet().stream()
                    .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                            + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                    .collect(Collectors.joining("&"));
            return HttpRequest.newBuilder(uri.resolve(path))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .header("Cookie", cookie)
                    .POST(HttpRequest.BodyPublishers.ofString(body))
                    .build();
        }

        private static String cookie(HttpResponse<String> response, String name) {
            return response.headers().allValues("Set-Cookie").stream()
                    .filter(c -> c.startsWith(name + "="))
                    .map(c -> c.substring(0, c.indexOf(';')))
                    .findFirst()
                    .orElseThrow(() -> new AssertionError("no cookie " + name));
        }

        private static String csrf(String page) {
            Matcher m = CSRF.matcher(page);
            assertThat(m.find()).as("CSRF token on the page").isTrue();
            return m.group(1);
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            process.waitFor();
        }
    }
}
