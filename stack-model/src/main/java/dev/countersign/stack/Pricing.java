package dev.countersign.stack;

import java.nio.file.Path;
import java.util.Collections;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * A price catalogue the host supplies ({@code .countersign/pricing.yaml}, {@code kind: Pricing}): what each server
 * type offers and costs per month, in one currency. Immutable; server types are kept sorted by name.
 *
 * @param name the catalogue's name, a DNS-1123 label (e.g. {@code hetzner})
 * @param currency the ISO 4217 currency every price is in, such as {@code EUR}
 * @param serverTypes the offer and price by server type name
 */
public record Pricing(String name, Currency currency, Map<String, ServerPrice> serverTypes) {
    static final String KIND = "Pricing";

    /**
     * Validates and copies the fields.
     *
     * @param name the catalogue's name
     * @param currency the currency
     * @param serverTypes the offer and price by server type name
     * @throws InvalidNameException if the name is not a DNS-1123 label
     * @throws InvalidStackException if a server type name is malformed ({@code /spec/serverTypes/<name>})
     */
    public Pricing {
        Names.label("price catalogue name", name);
        java.util.Objects.requireNonNull(currency, "currency");
        var sorted = new TreeMap<String, ServerPrice>();
        serverTypes.forEach((type, price) -> sorted.put(
                TopologyNames.serverType("/spec/serverTypes/" + Pointers.escape(type), type),
                java.util.Objects.requireNonNull(price)));
        serverTypes = Collections.unmodifiableMap(sorted);
    }

    /**
     * Returns what a server type offers and costs.
     *
     * @param serverType the server type, as a topology names it
     * @return its offer and price
     * @throws UnknownServerTypeException if this catalogue does not list it
     */
    public ServerPrice price(String serverType) {
        ServerPrice price = serverTypes.get(serverType);
        if (price == null) {
            throw new UnknownServerTypeException(serverType, name);
        }
        return price;
    }

    /**
     * Returns this catalogue as a plain value tree, as written in {@code .countersign/pricing.yaml}.
     *
     * @return the document tree
     */
    public Map<String, Object> toTree() {
        var types = new LinkedHashMap<String, Object>();
        serverTypes.forEach((type, price) -> types.put(type, price.toTree()));
        var spec = new LinkedHashMap<String, Object>();
        spec.put("currency", currency.getCurrencyCode());
        spec.put("serverTypes", types);
        return Documents.envelope(KIND, name, spec);
    }

    /**
     * Parses a catalogue from the text of a pricing file.
     *
     * @param text YAML or JSON holding one {@code kind: Pricing} document
     * @param source a name for the text in error messages
     * @return the catalogue
     * @throws StackException if the text is malformed or breaks a rule (a negative price, an unknown currency,
     *     an unknown field); the message names the pointer and the source
     */
    public static Pricing parse(String text, String source) {
        List<Object> documents = TreeReader.readAll(text, source);
        if (documents.size() != 1) {
            throw new InvalidStackException(
                    "", source + " holds " + documents.size() + " documents: expected one kind: Pricing");
        }
        try {
            return PricingReader.read(documents.get(0));
        } catch (InvalidStackException e) {
            throw e.located(" in " + source);
        }
    }

    /**
     * Reads a catalogue from a pricing file.
     *
     * @param file the file
     * @return the catalogue
     * @throws StackException if the file cannot be read or is invalid
     */
    public static Pricing read(Path file) {
        return parse(StackFiles.text(file), file.toString());
    }
}
