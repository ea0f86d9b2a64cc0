package dev.countersign.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

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

    static String[] with(String[] head, String... tail) {
        var all = new String[head.length + tail.length];
        System.arraycopy(head, 0, all, 0, head.length);
        System.arraycopy(tail, 0, all, head.length, tail.length);
        return all;
    }
}
