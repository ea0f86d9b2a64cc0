package dev.countersign.cli;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;

/** Runs the command in-process and captures what it prints. */
record Cli(int code, String out, String err) {
    static final Path SAMPLES = Path.of("..", "samples", "stacks");
    static final String STACK = SAMPLES.resolve("monitoring.yaml").toString();
    static final String PRODUCTION = SAMPLES.resolve("production.yaml").toString();
    static final String STAGING = SAMPLES.resolve("staging.yaml").toString();
    static final String[] SECRETS = {
        "--set", "cloudflare_api_token=cf-token-s3cr3t", "--set", "grafana_admin_password=gr4fana-s3cr3t"
    };

    static Cli run(String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        int code = Countersign.run(new PrintWriter(out), new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }

    /** Runs the command in-process with these environment variables and this text on standard input. */
    static Cli runWith(Map<String, String> variables, String stdin, String... args) {
        var out = new StringWriter();
        var err = new StringWriter();
        var printOut = new PrintWriter(out);
        var environment = new SopsEnvironment(
                variables,
                Path.of(System.getProperty("user.home", ".")),
                new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new WriterOutput(printOut));
        int code = Countersign.run(environment, printOut, new PrintWriter(err), args);
        return new Cli(code, out.toString(), err.toString());
    }

    static String[] with(String[] head, String... tail) {
        var all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
