package dev.countersign.samples.reviewweb;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** A minimal HTTP client with one session cookie, for the page's tests: no redirects followed. */
final class PageClient {
    private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");

    private final HttpClient client = HttpClient.newHttpClient();
    private final URI base;
    private String cookie = "";

    PageClient(URI base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(base.resolve(path)).GET());
    }

    HttpResponse<String> post(String path, Map<String, String> form) throws IOException, InterruptedException {
        String body = form.entrySet().stream()
                .map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(HttpRequest.newBuilder(base.resolve(path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    /**
     * Signs in as a browser does: loads the form (which sets the sign-in cookie and carries its token),
     * then posts it with that cookie. Keeps the session cookie if one is set.
     */
    HttpResponse<String> signIn(String principal) throws IOException, InterruptedException {
        HttpResponse<String> form = get("/login");
        cookie = form.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.LOGIN_COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElseThrow(() -> new AssertionError("the sign-in form set no cookie"));
        Matcher token = CSRF.matcher(form.body());
        if (!token.find()) {
            throw new AssertionError("no CSRF token on the sign-in form");
        }
        HttpResponse<String> response = post("/login", Map.of("principal", principal, "csrf", token.group(1)));
        cookie = response.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(Sessions.COOKIE + "="))
                .map(c -> c.substring(0, c.indexOf(';')))
                .findFirst()
                .orElse("");
        return response;
    }

    PageClient withCookie(String nameAndValue) {
        cookie = nameAndValue;
        return this;
    }

    String csrfToken() throws IOException, InterruptedException {
        Matcher m = CSRF.matcher(get("/proposals").body());
        if (!m.find()) {
            throw new AssertionError("no CSRF token on the proposals page");
        }
        return m.group(1);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws IOException, InterruptedException {
        if (!cookie.isEmpty()) {
            request.header("Cookie", cookie);
        }
        return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String text) {
        return URLEncoder.encode(text, StandardCharsets.UTF_8);
    }
}
