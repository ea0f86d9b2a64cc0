package dev.countersign.gitops.testing;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;

/**
 * A certificate authority made for one test with the JDK's {@code keytool}: its certificate as a PEM bundle
 * to trust, and server certificates it issues for given subject alternative names, as the server-side
 * {@link SSLContext} of an https server.
 */
public final class TestCertificates {
    private static final String STORE_PASSWORD = "test-keystore";

    private final Path folder;
    private final Path authority;
    private final Path authorityPem;

    private TestCertificates(Path folder) {
        this.folder = folder;
        this.authority = folder.resolve("ca.p12");
        this.authorityPem = folder.resolve("ca.pem");
    }

    /** Creates a new certificate authority in {@code folder}. */
    public static TestCertificates authority(Path folder) throws IOException, InterruptedException {
        TestCertificates certificates = new TestCertificates(Files.createDirectories(folder));
        certificates.keytool(
                "-genkeypair",
                "-alias",
                "ca",
                "-dname",
                "CN=Countersign Test CA " + folder.getFileName(),
                "-ext",
                "bc:c",
                "-keystore",
                certificates.authority.toString());
        certificates.keytool(
                "-exportcert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                certificates.authority.toString(),
                "-file",
                certificates.authorityPem.toString());
        return certificates;
    }

    /** The authority's certificate, PEM-encoded. */
    public Path pem() {
        return authorityPem;
    }

    /** Issues a server certificate for the names given (keytool syntax: {@code IP:127.0.0.1,DNS:localhost}). */
    public SSLContext server(String name, String subjectAlternativeNames)
            throws IOException, InterruptedException, GeneralSecurityException {
        Path store = folder.resolve(name + ".p12");
        Path request = folder.resolve(name + ".csr");
        Path issued = folder.resolve(name + ".pem");
        keytool("-genkeypair", "-alias", "server", "-dname", "CN=" + name, "-keystore", store.toString());
        keytool("-certreq", "-alias", "server", "-keystore", store.toString(), "-file", request.toString());
        keytool(
                "-gencert",
                "-rfc",
                "-alias",
                "ca",
                "-keystore",
                authority.toString(),
                "-infile",
                request.toString(),
                "-outfile",
                issued.toString(),
                "-ext",
                "SAN=" + subjectAlternativeNames,
                "-ext",
                "EKU=serverAuth");
        keytool(
                "-importcert",
                "-noprompt",
                "-alias",
                "ca",
                "-keystore",
                store.toString(),
                "-file",
                authorityPem.toString());
        keytool("-importcert", "-alias", "server", "-keystore", store.toString(), "-file", issued.toString());
        return context(store);
    }

    private static SSLContext context(Path store) throws IOException, GeneralSecurityException {
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(store)) {
            keys.load(in, STORE_PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, STORE_PASSWORD.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(factory.getKeyManagers(), null, null);
        return context;
    }

    private void keytool(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "keytool").toString());
        command.addAll(List.of(arguments));
        if (arguments[0].equals("-genkeypair")) {
            command.addAll(List.of("-keyalg", "EC", "-validity", "2"));
        }
        if (arguments[0].equals("-gencert")) {
            command.addAll(List.of("-validity", "2"));
        }
        command.addAll(List.of("-storetype", "PKCS12", "-storepass", STORE_PASSWORD));
        Processes.Result result = Processes.run(folder, command.toArray(String[]::new));
        if (result.code() != 0) {
            throw new IllegalStateException("keytool " + arguments[0] + " failed: " + result.err() + result.out());
        }
    }
}
