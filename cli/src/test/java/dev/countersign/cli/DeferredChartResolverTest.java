package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.countersign.render.oci.OciChartResolver;
import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolutionException;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class DeferredChartResolverTest {
    @Test
    void resolvesThroughTheResolverItBuildsAnsweringAsItWould() throws Exception {
        int closed;
        try (ServerSocket socket = new ServerSocket(0)) {
            closed = socket.getLocalPort();
        }
        ChartCoordinates chart = new ChartCoordinates("oci://127.0.0.1:" + closed + "/charts", "api", "1.0.0");
        DeferredChartResolver deferred = new DeferredChartResolver(
                OciChartResolver.builder().plainHttpForLoopback(true).credentials("robot", "s3cr3t".toCharArray()));

        assertThatThrownBy(() -> deferred.resolve(chart))
                .isInstanceOf(ChartResolutionException.class)
                .hasMessageContaining("api");
        assertThatThrownBy(() -> deferred.resolve(chart)).isInstanceOf(ChartResolutionException.class);
        assertThat(deferred.toString()).startsWith("OciChartResolver[").doesNotContain("s3cr3t");
    }

    @Test
    void namesItselfBeforeItIsBuiltWithoutCredentials() {
        DeferredChartResolver deferred =
                new DeferredChartResolver(OciChartResolver.builder().credentials("robot", "s3cr3t".toCharArray()));

        assertThat(deferred.toString()).contains("OciChartResolver").doesNotContain("s3cr3t");
    }
}
