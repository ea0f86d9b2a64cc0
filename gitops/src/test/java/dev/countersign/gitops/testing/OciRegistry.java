package dev.countersign.gitops.testing;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.HttpURLConnection;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.zip.GZIPOutputStream;

/**
 * A real OCI registry (Debian's {@code docker-registry}, distribution 2.8) on 127.0.0.1 over plain HTTP, with
 * charts pushed over the OCI distribution API as {@code helm push} does; stopped by {@link #close()}.
 */
public final class OciRegistry implements AutoCloseable {
    private static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";

    private final Process process;
    private final String address;

    private OciRegistry(Process process, String address) {
        this.process = process;
        this.address = address;
    }

    /** Starts a registry storing its data under a folder, and waits until it listens. */
    public static OciRegistry start(Path folder) throws IOException {
        int port;
        try (var socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        String address = "127.0.0.1:" + port;
        Path config = folder.resolve("registry.yml");
        Files.writeString(config, """
                version: 0.1
                log: {level: info}
                storage:
                  filesystem: {rootdirectory: %s}
                http: {addr: "%s"}
                """.formatted(folder.resolve("registry-data"), address));
        Process process = new ProcessBuilder(List.of("docker-registry", "serve", config.toString()))
                .redirectErrorStream(true)
                .start();
        var log = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        String line;
        while ((line = log.readLine()) != null && !line.contains("listening on")) {
            // the start-up lines
        }
        if (line == null) {
            throw new IOException("docker-registry exited before it listened");
        }
        Thread drain = new Thread(() -> log.lines().forEach(ignored -> {}), "registry-log");
        drain.setDaemon(true);
        drain.start();
        return new OciRegistry(process, address);
    }

    /** The registry's {@code host:port}. */
    public String address() {
        return address;
    }

    /** Pushes a chart under {@code charts/<name>:<version>} whose Chart.yaml carries a description; its digest. */
    public String push(String name, String version, String description) throws IOException {
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
    public byte[] manifest(String name, String reference) throws IOException {
        HttpURLConnection get = open("/v2/charts/" + name + "/manifests/" + reference, "GET");
        get.setRequestProperty("Accept", MANIFEST);
        try (InputStream in = get.getInputStream()) {
            return in.readAllBytes();
        }
    }

    /** The {@code sha256:} digest of bytes, as the registry names them. */
    public static String digest(byte[] content) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private void blob(String name, byte[] content) throws IOException {
        HttpURLConnection start = open("/v2/charts/" + name + "/blobs/uploads/", "POST");
        send(start, new byte[0], 202);
        URI upload = URI.create("http://" + address + "/").resolve(start.getHeaderField("Location"));
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
                URI.create("http://" + address + path).toURL().openConnection();
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

    /** A gzipped ustar archive holding one file. */
    private static byte[] tgz(String path, String text) throws IOException {
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
        Arrays.fill(header, 148, 156, (byte) ' ');
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
