package dev.countersign.render.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolutionException;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The bearer-token challenge, against a small registry emulation on 127.0.0.1. */
class OciChartResolverTest {
    private static final String DIGEST = "sha256:" + "e".repeat(64);
    private static final String TOKEN = "t0ken-for-pull";
    private final List<String> tokenRequests = new CopyOnWriteArrayList<>();
    private HttpServer server;
    private String address;
    private String realm;

    @BeforeEach
    void start() throws IOException {
        server = HttpServer.create(new InetSocketAddress(java.net.InetAddress.getLoopbackAddress(), 0), 0);
        address = "127.0.0.1:" + server.getAddress().getPort();
        realm = "http://" + address + "/token";
        server.createContext("/v2/", this::manifest);
        server.createContext("/token", this::token);
        server.start();
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    private void manifest(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        if (!("Bearer " + TOKEN).equals(auth)) {
            exchange.getResponseHeaders()
                    .add(
                            "WWW-Authenticate",
                            "Bearer realm=\"" + realm
                                    + "\",service=\"test-registry\",scope=\"repository:charts/podinfo:pull\"");
            exchange.sendResponseHeaders(401, -1);
        } else {
            exchange.getResponseHeaders().add("Docker-Content-Digest", DIGEST);
            exchange.sendResponseHeaders(200, -1);
        }
        exchange.close();
    }

    private void token(HttpExchange exchange) throws IOException {
        String auth = exchange.getRequestHeaders().getFirst("Authorization");
        tokenRequests.add(exchange.getRequestURI().getRawQuery() + " " + auth);
        String basic = "Basic " + Base64.getEncoder().encodeToString("robot:s3cret".getBytes(StandardCharsets.UTF_8));
        byte[] body = ("{\"token\":\"" + TOKEN + "\"}").getBytes(StandardCharsets.UTF_8);
        if (basic.equals(auth)) {
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        } else {
            exchange.sendResponseHeaders(401, -1);
        }
        exchange.close();
    }

    private ChartCoordinates chart() {
        return new ChartCoordinates("oci://" + address + "/charts", "podinfo", "6.7.1");
    }

    @Test
    void answersTheBearerChallengeWithATokenFromTheRealm() {
        OciChartResolver resolver = OciChartResolver.builder()
                .plainHttpForLoopback(true)
                .credentials("robot", "s3cret".toCharArray())
                .build();

        assertThat(resolver.resolve(chart())).isEqualTo(DIGEST);
        assertThat(tokenRequests)
                .singleElement()
                .asString()
                .startsWith("service=test-registry&scope=repository%3Acharts%2Fpodinfo%3Apull Basic ");
        assertThat(resolver.toString()).doesNotContain("s3cret").contains("with credentials");
    }

    @Test
    void failsWithoutShowingCredentialsWhenTheTokenServiceRefuses() {
        OciChartResolver resolver = OciChartResolver.builder()
                .plainHttpForLoopback(true)
                .credentials("robot", "wrong-s3cret".toCharArray())
                .build();

        assertThatThrownBy(() -> resolver.resolve(chart()))
                .isInstanceOf(ChartResolutionException.class)
                .hasMessageContaining("the token service answered 401")
                .hasMessageNotContaining("wrong-s3cret");
    }

    @Test
    void refusesATokenRealmOverPlainHttpAwayFromLoopback() {
        realm = "http://192.0.2.1/token";

        assertThatThrownBy(() -> OciChartResolver.builder()
                        .plainHttpForLoopback(true)
                        .build()
                        .resolve(chart()))
                .isInstanceOf(ChartResolutionException.class)
                .hasMessageContaining("token realm must be an https URL");
        assertThat(tokenRequests).isEmpty();
    }

    @Test
    void refusesPlainHttpToARegistryAwayFromLoopback() {
        var remote = new ChartCoordinates("oci://192.0.2.1/charts", "podinfo", "6.7.1");

        assertThatThrownBy(() -> OciChartResolver.builder()
                        .plainHttpForLoopback(true)
                        .build()
                        .resolve(remote))
                .isInstanceOf(ChartResolutionException.class)
                .hasMessageEndingWith("plain HTTP is allowed only for a registry on a loopback address, not 192.0.2.1");
    }

    @Test
    void validatesCoordinates() {
        assertThatThrownBy(() -> new ChartCoordinates("https://x.io/charts", "podinfo", "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("must be oci://host[:port]/path");
        assertThatThrownBy(() -> new ChartCoordinates("oci://x.io/charts", "../etc", "1.0.0"))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new ChartCoordinates("oci://x.io:5000/a/b", "c", "1.0.0+build").name())
                .isEqualTo("a/b/c");
        assertThat(new ChartCoordinates("oci://x.io:5000/a/b", "c", "1.0.0+build").tag())
                .isEqualTo("1.0.0_build");
    }
}
