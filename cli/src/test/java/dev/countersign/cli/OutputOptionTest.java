package dev.countersign.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** {@code -o/--output text|json|yaml} on every command that prints a result: validated, YAML the model of JSON. */
class OutputOptionTest {
    @TempDir
    static Path folder;

    static GitOpsFiles files;
    static String id;

    @BeforeAll
    static void repository() throws Exception {
        files = GitOpsFiles.initialized(folder);
        id = files.propose("agent:builder", files.stack());
    }

    /** The command lines, by name, whose output is tried in every format. */
    static String[] command(String name) {
        String repo = files.repo();
        String policy = folder.resolve("policy.yaml").toString();
        return switch (name) {
            case "validate" -> new String[] {"validate", Cli.STACK};
            case "plan" -> new String[] {"plan", Cli.STACK};
            case "diff" -> new String[] {"diff", files.stack(), files.stackV2()};
            case "hash" -> new String[] {"hash", Cli.STACK};
            case "clone" -> new String[] {"clone", Cli.STACK, "--from", Cli.STAGING, "--to", Cli.PRODUCTION};
            case "render-explain" ->
                Cli.with(new String[] {"render", Cli.STACK, "--env", Cli.STAGING, "--explain"}, Cli.SECRETS);
            case "show" -> new String[] {"show", "--repo", repo, id};
            case "list" -> new String[] {"list", "--repo", repo};
            case "log" -> new String[] {"log", "--repo", repo};
            case "verify" -> new String[] {"verify", "--repo", repo};
            case "policy-validate" -> new String[] {"policy", "validate", policy};
            case "policy-check" ->
                new String[] {
                    "policy",
                    "check",
                    "--policy",
                    policy,
                    "--as",
                    "agent:builder",
                    "--action",
                    "propose",
                    "--env",
                    "staging"
                };
            default -> throw new IllegalArgumentException(name);
        };
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "validate",
                "plan",
                "diff",
                "hash",
                "clone",
                "render-explain",
                "show",
                "list",
                "log",
                "verify",
                "policy-validate",
                "policy-check"
            })
    void printsYamlOfTheSameModelAsJson(String name) {
        Cli json = Cli.run(Cli.with(command(name), "-o", "json"));
        Cli yaml = Cli.run(Cli.with(command(name), "--output", "yaml"));

        assertThat(yaml.code()).as(yaml.err()).isEqualTo(json.code());
        assertThat(yaml.out()).isNotEqualTo(json.out());
        assertThat(load(yaml.out())).isNotNull().isEqualTo(load(json.out()));
    }

    @ParameterizedTest
    @ValueSource(strings = {"validate", "diff", "hash", "show", "list", "log", "verify", "policy-validate"})
    void refusesAnUnsupportedFormatNamingTheAcceptedOnes(String name) {
        Cli run = Cli.run(Cli.with(command(name), "-o", "xml"));

        assertThat(run.code()).isEqualTo(2);
        assertThat(run.err()).contains("'xml'").containsIgnoringCase("text, json, yaml");
        assertThat(run.out()).isEmpty();
    }

    @Test
    void keepsFormatAsAnAlias() {
        Cli run = Cli.run(Cli.with(command("show"), "--format", "json"));

        assertThat(run.code()).as(run.err()).isZero();
        assertThat(load(run.out())).isInstanceOf(java.util.Map.class);
    }

    @Test
    void printsTheCreatedProposalAsJsonOrYaml() {
        Cli json = Cli.run("withdraw", "--repo", files.repo(), id, "--as", "agent:builder", "-o", "yaml");

        assertThat(json.code()).as(json.err()).isZero();
        assertThat(load(json.out()))
                .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.MAP)
                .containsEntry("id", id)
                .containsEntry("state", "WITHDRAWN");
    }

    @Test
    void rendersYamlOrJsonAndKeepsTheOldOutputSpelling() {
        String[] render = Cli.with(new String[] {"render", Cli.STACK, "--env", Cli.STAGING}, Cli.SECRETS);

        Cli old = Cli.run(Cli.with(render, "--output", "json"));
        Cli shortForm = Cli.run(Cli.with(render, "-o", "json"));
        Cli text = Cli.run(Cli.with(render, "-o", "text"));

        assertThat(old.code()).as(old.err()).isZero();
        assertThat(shortForm.out()).isEqualTo(old.out());
        assertThat(load(Cli.run(render).out())).isEqualTo(load(old.out()));
        assertThat(text.code()).isEqualTo(2);
        assertThat(text.err()).contains("yaml or json");
    }

    @Test
    void plansAsYamlDotOrMermaid() {
        assertThat(Cli.run("plan", Cli.STACK, "-o", "dot").out()).startsWith("digraph");
        assertThat(Cli.run("plan", Cli.STACK, "-o", "xml").err())
                .containsIgnoringCase("text, json, yaml, dot, mermaid");
    }

    static Object load(String text) {
        List<Object> documents = new java.util.ArrayList<>();
        new Load(LoadSettings.builder().build()).loadAllFromString(text).forEach(documents::add);
        return documents.size() == 1 ? documents.get(0) : documents;
    }
}
