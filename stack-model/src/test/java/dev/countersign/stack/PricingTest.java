package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class PricingTest {
    static final Path SAMPLE = Path.of("..", "samples", "pricing", "hetzner.yaml");

    static Pricing sample() {
        return Pricing.read(SAMPLE);
    }

    static Pricing catalogue(String currency, String serverTypes) {
        return Pricing.parse(
                "apiVersion: countersign.dev/v1\nkind: Pricing\nmetadata: {name: test}\nspec:\n  currency: " + currency
                        + "\n  serverTypes:\n" + serverTypes,
                "pricing.yaml");
    }

    @Test
    void readsTheSampleCatalogue() {
        Pricing pricing = sample();

        assertThat(pricing.name()).isEqualTo("hetzner");
        assertThat(pricing.currency().getCurrencyCode()).isEqualTo("EUR");
        ServerPrice cpx31 = pricing.price("cpx31");
        assertThat(cpx31.vcpu()).isEqualTo(4);
        assertThat(cpx31.memoryGiB()).isEqualByComparingTo("8");
        assertThat(cpx31.monthly()).isEqualTo(new BigDecimal("15.72"));
        assertThat(cpx31.hourly()).isEqualTo(new BigDecimal("0.0252"));
        assertThat(pricing.price("gex44").gpu()).isEqualTo(1);
        assertThat(pricing.price("gex44").hourly()).isNull();
        assertThat(pricing.price("cpx41").gpu()).isZero();
    }

    @Test
    void roundTripsThroughItsTree() {
        Pricing pricing = sample();
        String written = StackFiles.toYaml(List.of(pricing.toTree()));
        assertThat(Pricing.parse(written, "pricing.yaml")).isEqualTo(pricing);
    }

    @Test
    void aMemorySizeIsOneValueHoweverItIsWritten() {
        Pricing written = catalogue("EUR", "    a: {vcpu: 1, memoryGiB: \"8.0\", monthly: \"1.50\"}\n");
        assertThat(written.price("a").memoryGiB()).isEqualTo(new BigDecimal("8"));
        assertThat(written.price("a").monthly()).isEqualTo(new BigDecimal("1.50"));
        assertThat(Pricing.parse(StackFiles.toYaml(List.of(written.toTree())), "p.yaml"))
                .isEqualTo(written);
    }

    @Test
    void anUnknownServerTypeIsAnErrorNamingIt() {
        assertThatThrownBy(() -> sample().price("cx99"))
                .isInstanceOfSatisfying(
                        UnknownServerTypeException.class,
                        e -> assertThat(e.serverType()).isEqualTo("cx99"))
                .hasMessageContaining("price catalogue hetzner does not list it");
    }

    /** A malformed catalogue, the pointer its error names, and a fragment of the message. */
    record Case(String title, String currency, String types, String pointer, String message) {}

    @TestFactory
    Stream<DynamicTest> refusesAMalformedCatalogueNamingThePointer() {
        return Stream.of(
                        new Case(
                                "unknown currency",
                                "EURO",
                                "    a: {vcpu: 1, memoryGiB: 1, monthly: \"1\"}\n",
                                "/spec/currency",
                                "unknown currency 'EURO'"),
                        new Case(
                                "lower-case currency",
                                "eur",
                                "    a: {vcpu: 1, memoryGiB: 1, monthly: \"1\"}\n",
                                "/spec/currency",
                                "ISO 4217"),
                        new Case(
                                "negative price",
                                "EUR",
                                "    a: {vcpu: 1, memoryGiB: 1, monthly: \"-1\"}\n",
                                "/spec/serverTypes/a/monthly",
                                "must be a number from 0"),
                        new Case(
                                "too many decimals",
                                "EUR",
                                "    a: {vcpu: 1, memoryGiB: 1, monthly: \"1.0000001\"}\n",
                                "/spec/serverTypes/a/monthly",
                                "at most 6 decimal places"),
                        new Case(
                                "price not a number",
                                "EUR",
                                "    a: {vcpu: 1, memoryGiB: 1, monthly: cheap}\n",
                                "/spec/serverTypes/a/monthly",
                                "must be a decimal number"),
                        new Case(
                                "missing monthly",
                                "EUR",
                                "    a: {vcpu: 1, memoryGiB: 1, hourly: \"0.1\"}\n",
                                "/spec/serverTypes/a",
                                "missing required field 'monthly'"),
                        new Case(
                                "fractional vcpu",
                                "EUR",
                                "    a: {vcpu: 1.5, memoryGiB: 1, monthly: \"1\"}\n",
                                "/spec/serverTypes/a/vcpu",
                                "whole number"),
                        new Case(
                                "negative gpu",
                                "EUR",
                                "    a: {vcpu: 1, memoryGiB: 1, gpu: -1, monthly: \"1\"}\n",
                                "/spec/serverTypes/a/gpu",
                                "whole number"),
                        new Case(
                                "unknown field",
                                "EUR",
                                "    a: {vcpu: 1, memoryGiB: 1, monthly: \"1\", disk: 40}\n",
                                "/spec/serverTypes/a/disk",
                                "unknown field 'disk'"),
                        new Case(
                                "bad server type name",
                                "EUR",
                                "    \"a b\": {vcpu: 1, memoryGiB: 1, monthly: \"1\"}\n",
                                "/spec/serverTypes/a b",
                                "invalid server type"))
                .map(c -> DynamicTest.dynamicTest(c.title(), () -> {
                    InvalidStackException e =
                            catchThrowableOfType(InvalidStackException.class, () -> catalogue(c.currency(), c.types()));
                    assertThat(e).as(c.title()).isNotNull();
                    assertThat(e.pointer()).as(c.title()).isEqualTo(c.pointer());
                    assertThat(e.getMessage())
                            .as(c.title())
                            .contains(c.message())
                            .contains("pricing.yaml");
                }));
    }

    @Test
    void refusesAnotherKindAndSeveralDocuments() {
        assertThatThrownBy(() -> Pricing.parse(
                        "apiVersion: countersign.dev/v1\nkind: Environment\nmetadata: {name: x}\nspec: {}\n", "p.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("expected kind 'Pricing'");
        String one = StackFiles.toYaml(List.of(sample().toTree()));
        assertThatThrownBy(() -> Pricing.parse(one + "---\n" + one, "p.yaml"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("holds 2 documents");
    }
}
