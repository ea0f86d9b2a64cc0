package dev.countersign.render.oci;

import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolutionException;
import dev.countersign.render.spi.ChartResolver;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Path;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The built-in {@link ChartResolver}: asks an OCI registry for the manifest digest of a chart's tag over the
 * OCI distribution API ({@code HEAD /v2/<name>/manifests/<tag>}, the {@code Docker-Content-Digest} header),
 * anonymously or with a bearer token obtained through the registry's {@code WWW-Authenticate} challenge.
 *
 * <p>HTTPS is verified against the host-supplied certificate authorities, or the JVM's when none are given;
 * plain HTTP is allowed only for a registry on a loopback address. Immutable and thread-safe.
 */
public final class OciChartResolver implements ChartResolver {
    private static final Pattern DIGEST = Pattern.compile("sha256:[0-9a-f]{64}");

    private final RegistryClient client;

    private OciChartResolver(RegistryClient client) {
        this.client = client;
    }

    /**
     * Starts a resolver with the JVM's certificate authorities, HTTPS only, anonymous unless credentials are set.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public String resolve(ChartCoordinates chart) {
        URI manifest = client.base(chart).resolve("/v2/" + chart.name() + "/manifests/" + chart.tag());
        try {
            RegistryClient.Response response = client.head(manifest);
            String digest = response.header("Docker-Content-Digest").orElse("");
            if (response.status() != 200) {
                throw new ChartResolutionException(chart, "the registry answered " + response.status());
            }
            if (!DIGEST.matcher(digest).matches()) {
                throw new ChartResolutionException(chart, "the registry named no sha256 digest for the tag");
            }
            return digest;
        } catch (IOException e) {
            throw new ChartResolutionException(chart, e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
    }

    /**
     * Shows the resolver's settings, never its credentials.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "OciChartResolver[" + client + "]";
    }

    /** Whether a host is a loopback address, so plain HTTP to it stays on this machine. */
    static boolean isLoopback(String host) {
        try {
            String bare = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
            return InetAddress.getByName(bare).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    /** Options of an {@link OciChartResolver}. Not thread-safe; build once. */
    public static final class Builder {
        private @Nullable List<X509Certificate> trusted;
        private boolean plainHttp;
        private @Nullable String username;
        private char @Nullable [] password;
        private Duration timeout = Duration.ofSeconds(30);

        Builder() {}

        /**
         * Trusts the certificate authorities of a PEM bundle, instead of the JVM's, for HTTPS registries and token
         * services (like Git's {@code http.sslCAInfo}); nothing JVM-wide changes.
         *
         * @param pemBundle one or more {@code -----BEGIN CERTIFICATE-----} blocks
         * @return this builder
         * @throws IllegalArgumentException if the file cannot be read or holds no X.509 certificate
         */
        public Builder trustedCertificates(Path pemBundle) {
            this.trusted = Connections.read(pemBundle);
            return this;
        }

        /**
         * Speaks plain HTTP instead of HTTPS; refused at resolve time for any registry not on a loopback address.
         *
         * @param enabled whether to use plain HTTP for loopback registries
         * @return this builder
         */
        public Builder plainHttpForLoopback(boolean enabled) {
            this.plainHttp = enabled;
            return this;
        }

        /**
         * Presents these credentials to the registry's token service when it challenges for a bearer token.
         *
         * @param user the user name
         * @param secret the password or access token; copied, never shown
         * @return this builder
         */
        public Builder credentials(String user, char[] secret) {
            this.username = user;
            this.password = secret.clone();
            return this;
        }

        /**
         * Limits each connection and read to this time.
         *
         * @param limit a positive duration
         * @return this builder
         * @throws IllegalArgumentException if the duration is not positive
         */
        public Builder timeout(Duration limit) {
            if (limit.isNegative() || limit.isZero()) {
                throw new IllegalArgumentException("timeout must be positive, was " + limit);
            }
            this.timeout = limit;
            return this;
        }

        /**
         * Builds the resolver.
         *
         * @return the resolver
         */
        public OciChartResolver build() {
            return new OciChartResolver(new RegistryClient(
                    Connections.of(trusted, timeout), plainHttp, Optional.ofNullable(username), password));
        }
    }
}
