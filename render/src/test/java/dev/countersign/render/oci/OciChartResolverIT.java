package dev.countersign.render.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolutionException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The built-in resolver against a real registry (Debian's docker-registry, distribution 2.8) on 127.0.0.1. */
class OciChartResolverIT {
    @TempDir
    Path dir;

    private Process registry;
    private String address;

    @BeforeEach
    void startRegistry() throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        address = "127.0.0.1:" + port;
        Path config = dir.resolve("config.yml");
        Files.writeString(config, """
                version: 0.1
                log: {level: info}
                storage:
                  filesystem: {rootdirectory: %s}
                  delete: {enabled: true}
                http: {addr: "%s"}
                """.formatted(dir.resolve("data"), address));
        registry = new ProcessBuilder("docker-registry", "serve", config.toString())
                .redirectErrorStream(true)
                .start();
        awaitListening();
    }

    /** Reads the registry's log until it says it listens, then keeps draining it so it never blocks. */
    private void awaitListening() throws IOException {
        var log = new BufferedReader(new InputStreamReader(registry.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = log.readLine()) != null && !line.contains("listening on")) {
            // skip the start-up lines
        }
        assertThat(line).as("registry log").isNotNull();
        Thread drain = new Thread(() -> log.lines().forEach(ignored -> {}), "registry-log");
        drain.setDaemon(true);
        drain.start();
    }

    @AfterEach
    void stopRegistry() throws InterruptedException {
        registry.destroy();
        registry.waitFor();
    }

    private OciChartResolver resolver() {
        return OciChartResolver.builder().plainHttpForLoopback(true).build();
    }

    @Test
    void resolvesAPushedChartToItsManifestDigest() throws IOException {
        String pushed = new OciPush(address).chart("podinfo", "6.7.1", "first");

        String resolved = resolver().resolve(new ChartCoordinates("oci://" + address + "/charts", "podinfo", "6.7.1"));

        assertThat(resolved).isEqualTo(pushed).matches("sha256:[0-9a-f]{64}");
    }

    @Test
    void aRepushedTagResolvesAnewWhileTheRecordedDigestKeepsTheApprovedBytes() throws IOException {
        var push = new OciPush(address);
        var chart = new ChartCoordinates("oci://" + address + "/charts", "podinfo", "6.7.1");
        String approved = push.chart("podinfo", "6.7.1", "approved");
        byte[] approvedManifest = push.manifest("podinfo", approved);
        assertThat(resolver().resolve(chart)).isEqualTo(approved);

        String repushed = push.chart("podinfo", "6.7.1", "swapped behind the reviewer's back");

        assertThat(repushed).isNotEqualTo(approved);
        assertThat(resolver().resolve(chart)).isEqualTo(repushed);
        assertThat(push.manifest("podinfo", approved)).isEqualTo(approvedManifest);
        assertThat(OciPush.digest(push.manifest("podinfo", approved))).isEqualTo(approved);
    }

    @Test
    void namesTheChartWhenTheTagDoesNotExist() {
        var chart = new ChartCoordinates("oci://" + address + "/charts", "missing", "1.0.0");

        assertThatThrownBy(() -> resolver().resolve(chart))
                .isInstanceOf(ChartResolutionException.class)
                .hasMessage(
                        "cannot resolve chart oci://" + address + "/charts/missing:1.0.0: the registry answered 404");
    }

    @Test
    void refusesHttpsWhenTheRegistrySpeaksPlainHttp() {
        var chart = new ChartCoordinates("oci://" + address + "/charts", "podinfo", "6.7.1");

        assertThatThrownBy(() -> OciChartResolver.builder().build().resolve(chart))
                .isInstanceOf(ChartResolutionException.class)
                .hasMessageStartingWith("cannot resolve chart oci://" + address + "/charts/podinfo:6.7.1: SSL");
    }
}
