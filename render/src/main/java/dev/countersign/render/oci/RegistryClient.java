package dev.countersign.render.oci;

import dev.countersign.render.spi.ChartCoordinates;
import dev.countersign.render.spi.ChartResolutionException;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/** The few calls of the OCI distribution API a resolver needs, with the bearer-token challenge. */
final class RegistryClient {
    static final String ACCEPT = "application/vnd.oci.image.manifest.v1+json,"
            + " application/vnd.docker.distribution.manifest.v2+json, application/vnd.oci.image.index.v1+json";
    private static final Pattern PARAMETER = Pattern.compile("([A-Za-z]+)=\"([^\"]*)\"");
    private static final int MAX_TOKEN_BYTES = 64 * 1024;
    private static final Pattern TOKEN =
            Pattern.compile("\"(?:token|access_token)\"\\s*:\\s*\"([A-Za-z0-9._~+/=-]+)\"");

    private final Connections connections;
    private final boolean plainHttp;
    private final Optional<String> username;
    private final char @Nullable [] password;

    RegistryClient(Connections connections, boolean plainHttp, Optional<String> username, char @Nullable [] password) {
        this.connections = connections;
        this.plainHttp = plainHttp;
        this.username = username;
        this.password = password == null ? null : password.clone();
    }

    /** A registry's base URL; plain HTTP only for loopback registries. */
    URI base(ChartCoordinates chart) {
        URI registry = URI.create("//" + chart.registry());
        if (plainHttp && !OciChartResolver.isLoopback(registry.getHost())) {
            throw new ChartResolutionException(
                    chart,
                    "plain HTTP is allowed only for a registry on a loopback address, not " + registry.getHost());
        }
        return URI.create((plainHttp ? "http://" : "https://") + chart.registry() + "/");
    }

    /** A response: its status and headers. */
    record Response(int status, Map<String, List<String>> headers) {
        Optional<String> header(String name) {
            return headers.entrySet().stream()
                    .filter(e -> e.getKey() != null && e.getKey().equalsIgnoreCase(name))
                    .flatMap(e -> e.getValue().stream())
                    .findFirst();
        }
    }

    /** {@code HEAD} on a manifest, answering a bearer challenge once. */
    Response head(URI manifest) throws IOException {
        Response first = send(manifest, null);
        Optional<String> challenge = first.header("WWW-Authenticate");
        if (first.status() != 401 || challenge.isEmpty() || !challenge.get().regionMatches(true, 0, "Bearer ", 0, 7)) {
            return first;
        }
        return send(manifest, "Bearer " + token(challenge.get()));
    }

    private Response send(URI uri, @Nullable String authorization) throws IOException {
        HttpURLConnection connection = connections.open(uri);
        try {
            connection.setRequestMethod("HEAD");
            connection.setRequestProperty("Accept", ACCEPT);
            if (authorization != null) {
                connection.setRequestProperty("Authorization", authorization);
            }
            return new Response(connection.getResponseCode(), connection.getHeaderFields());
        } finally {
            connection.disconnect();
        }
    }

    /** Asks the token service named by the challenge for a pull token. */
    private String token(String challenge) throws IOException {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(java.util.Locale.ROOT), matcher.group(2));
        }
        URI realm = realm(parameters.getOrDefault("realm", ""));
        var query = new StringBuilder();
        for (String key : List.of("service", "scope")) {
            String value = parameters.get(key);
            if (value != null) {
                query.append(query.length() == 0 ? "?" : "&")
                        .append(key)
                        .append('=')
                        .append(URLEncoder.encode(value, StandardCharsets.UTF_8));
            }
        }
        return fetchToken(URI.create(realm + query.toString()));
    }

    private URI realm(String text) throws IOException {
        URI realm;
        try {
            realm = URI.create(text);
        } catch (IllegalArgumentException e) {
            throw new IOException("the registry's token realm is not a URL", e);
        }
        boolean https = "https".equals(realm.getScheme());
        boolean loopbackHttp = "http".equals(realm.getScheme())
                && plainHttp
                && realm.getHost() != null
                && OciChartResolver.isLoopback(realm.getHost());
        if ((!https && !loopbackHttp) || realm.getQuery() != null) {
            throw new IOException("the registry's token realm must be an https URL without a query");
        }
        return realm;
    }

    private String fetchToken(URI uri) throws IOException {
        HttpURLConnection connection = connections.open(uri);
        try {
            username.ifPresent(user -> connection.setRequestProperty("Authorization", basic(user)));
            if (connection.getResponseCode() != 200) {
                throw new IOException("the token service answered " + connection.getResponseCode());
            }
            try (InputStream in = connection.getInputStream()) {
                Matcher token = TOKEN.matcher(new String(in.readNBytes(MAX_TOKEN_BYTES), StandardCharsets.UTF_8));
                if (!token.find()) {
                    throw new IOException("the token service returned no token");
                }
                return token.group(1);
            }
        } finally {
            connection.disconnect();
        }
    }

    private String basic(String user) {
        char[] secret = password == null ? new char[0] : password;
        byte[] pair = (user + ":" + new String(secret)).getBytes(StandardCharsets.UTF_8);
        return "Basic " + Base64.getEncoder().encodeToString(pair);
    }

    @Override
    public String toString() {
        return (plainHttp ? "plain HTTP for loopback" : "HTTPS") + (username.isPresent() ? ", with credentials" : "");
    }
}
