package dev.countersign.cli;

import dev.countersign.render.oci.OciChartResolver;
import dev.countersign.render.spi.ChartResolver;
import java.nio.file.Path;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Option;

/**
 * How the gitops subcommands reach OCI chart registries, to pin charts in environments that say
 * {@code charts: {pin: digest}}: the built-in {@link OciChartResolver}, over HTTPS verified against
 * {@code --registry-ca} (or {@code COUNTERSIGN_REGISTRY_CA}, else the JVM's trust store), with the credentials of
 * {@code COUNTERSIGN_REGISTRY_USERNAME} and {@code COUNTERSIGN_REGISTRY_PASSWORD} (never from the command line)
 * when the registry asks for a bearer token.
 */
final class RegistryOptions {
    static final String USERNAME = "COUNTERSIGN_REGISTRY_USERNAME";
    static final String PASSWORD = "COUNTERSIGN_REGISTRY_PASSWORD";

    @Option(
            names = "--registry-ca",
            paramLabel = "FILE",
            description = "A PEM bundle of the CA certificates trusted for OCI chart registries, instead of the"
                    + " JVM's trust store (default $COUNTERSIGN_REGISTRY_CA).")
    @Nullable
    Path registryCa;

    @Option(
            names = "--registry-plain-http",
            description = "Speak plain HTTP to a chart registry on a loopback address (never to any other).")
    boolean plainHttp;

    /**
     * The resolver these options describe; the options are checked now, but nothing is contacted, and TLS is not set
     * up, until a chart needs pinning.
     */
    ChartResolver resolver(Map<String, String> environment) {
        OciChartResolver.Builder builder = OciChartResolver.builder().plainHttpForLoopback(plainHttp);
        try {
            Path ca = TransportOptions.orEnvironment(registryCa, environment, "COUNTERSIGN_REGISTRY_CA");
            if (ca != null) {
                builder.trustedCertificates(ca);
            }
            String username = environment.get(USERNAME);
            String password = environment.get(PASSWORD);
            if ((username == null) != (password == null)) {
                throw new CommandFailure((username == null ? PASSWORD : USERNAME) + " is set but "
                        + (username == null ? USERNAME : PASSWORD) + " is not: set both, or neither");
            }
            if (username != null && password != null) {
                builder.credentials(username, password.toCharArray());
            }
        } catch (IllegalArgumentException e) {
            throw new CommandFailure(String.valueOf(e.getMessage()), e);
        }
        return new DeferredChartResolver(builder);
    }
}
