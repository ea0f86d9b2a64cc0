package dev.countersign.render.oci;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;

/** Pushes a Helm chart to a registry over the OCI distribution API, as {@code helm push} does. */
final class OciPush {
    static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    private final String registry;

    OciPush(String registry) {
        this.registry = registry;
    }

    /** Pushes a chart whose Chart.yaml carries a description, and returns the manifest's digest. */
    String chart(String name, String version, String description) throws IOException {
        byte[] config = ("{\"name\":\"" + name + "\",\"version\":\"" + version + "\",\"apiVersion\":\"v2\"}")
                .getBytes(StandardCharsets.UTF_8);
        byte[] layer = tgz(
                name + "/Chart.yaml",
                "apiVersion: v2\nname: " + name + "\nversion: " + version + "\ndescription: " + description + "\n");
        blob(name, config);
        blob(name, layer);
        byte[] manifest = ("{\"schemaVersion\":2,\"mediaType\":\"" + MANIFEST + "\","
                        + "\"config\":{\"mediaType\":\"application/vnd.cncf.helm.config.v1+json\","
                        + "\"digest\":\"" + digest(config) + "\",\"size\":" + config.length + "},"
                        + "\"layers\":[{\"mediaType\":\"application/vnd.cncf.helm.chart.content.v1.tar+gzip\","
                        + "\"digest\":\"" + digest(layer) + "\",\"size\":" + layer.length + "}]}")
                .getBytes(StandardCharsets.UTF_8);
        HttpURLConnection put = open("/v2/charts/" + name + "/manifests/" + version, "PUT");
        put.setRequestProperty("Content-Type", MANIFEST);
        send(put, manifest, 201);
        return digest(manifest);
    }

    /** GETs a manifest by tag or digest and returns its bytes. */
    byte[] manifest(String name, String reference) throws IOException {
        HttpURLConnection get = open("/v2/charts/" + name + "/manifests/" + reference, "GET");
        get.setRequestProperty("Accept", MANIFEST);
        try (InputStream in = get.getInputStream()) {
            return in.readAllBytes();
        }
    }

    private void blob(String name, byte[] content) throws IOException {
        HttpURLConnection start = open("/v2/charts/" + name + "/blobs/uploads/", "POST");
        send(start, new byte[0], 202);
        String location = start.getHeaderField("Location");
        URI upload = URI.create("http://" + registry + "/").resolve(location);
        String separator = upload.getQuery() == null ? "?" : "&";
        HttpURLConnection put = (HttpURLConnection) URI.create(upload + separator + "digest=" + digest(content))
                .toURL()
                .openConnection();
        put.setRequestMethod("PUT");
        put.setRequestProperty("Content-Type", "application/octet-stream");
        send(put, content, 201);
    }

    private HttpURLConnection open(String path, String method) throws IOException {
        HttpURLConnection connection = (HttpURLConnection)
                URI.create("http://" + registry + path).toURL().openConnection();
        connection.setRequestMethod(method);
        return connection;
    }

    private static void send(HttpURLConnection connection, byte[] body, int expected) throws IOException {
        connection.setDoOutput(true);
        connection.getOutputStream().write(body);
        int status = connection.getResponseCode();
        if (status != expected) {
            InputStream error = connection.getErrorStream();
            String detail = error == null ? "" : new String(error.readAllBytes(), StandardCharsets.UTF_8);
            throw new IOException(connection.getRequestMethod() + " answered " + status + ": " + detail);
        }
    }

    static String digest(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A gzipped ustar archive holding one file. */
    static byte[] tgz(String path, String text) throws IOException {
        byte[] content = text.getBytes(StandardCharsets.UTF_8);
        byte[] header = new byte[512];
        put(header, 0, path);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", content.length));
        put(header, 136, "00000000000");
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        java.util.Arrays.fill(header, 148, 156, (byte) ' ');
        int sum = 0;
        for (byte b : header) {
            sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        var bytes = new ByteArrayOutputStream();
        try (var gzip = new GZIPOutputStream(bytes)) {
            gzip.write(header);
            gzip.write(content);
            gzip.write(new byte[(512 - content.length % 512) % 512 + 1024]);
        }
        return bytes.toByteArray();
    }

    private static void put(byte[] header, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, header, offset, bytes.length);
    }
}
