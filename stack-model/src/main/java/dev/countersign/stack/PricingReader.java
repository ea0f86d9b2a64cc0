package dev.countersign.stack;

import java.math.BigDecimal;
import java.util.Currency;
import java.util.LinkedHashMap;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/** Reads a {@code kind: Pricing} document tree. */
final class PricingReader {
    private static final Set<String> SPEC_KEYS = Set.of("currency", "serverTypes");
    private static final Set<String> TYPE_KEYS = Set.of("vcpu", "memoryGiB", "gpu", "hourly", "monthly");

    private PricingReader() {}

    static Pricing read(Object document) {
        Fields spec = Documents.spec(document, Pricing.KIND).only(SPEC_KEYS);
        Currency currency = currency(spec);
        Fields types = spec.fields("serverTypes");
        var prices = new LinkedHashMap<String, ServerPrice>();
        types.map().forEach((key, value) -> {
            String type = String.valueOf(key);
            prices.put(type, price(Fields.of(value, types.at(type))));
        });
        return new Pricing(Documents.name(document), currency, prices);
    }

    private static Currency currency(Fields spec) {
        String code = spec.string("currency");
        try {
            if (code.matches("[A-Z]{3}")) {
                return Currency.getInstance(code);
            }
        } catch (IllegalArgumentException e) {
            // an unknown code falls through to the error below
        }
        throw new InvalidStackException(
                spec.at("currency"),
                "unknown currency '" + Excerpt.of(code) + "': must be an ISO 4217 code such as EUR");
    }

    private static ServerPrice price(Fields fields) {
        fields.only(TYPE_KEYS);
        int vcpu = whole(fields, "vcpu");
        BigDecimal memory = decimal(fields, "memoryGiB");
        int gpu = fields.has("gpu") ? whole(fields, "gpu") : 0;
        BigDecimal hourly = fields.has("hourly") ? decimal(fields, "hourly") : null;
        BigDecimal monthly = decimal(fields, "monthly");
        try {
            return new ServerPrice(vcpu, memory, gpu, hourly, monthly);
        } catch (InvalidStackException e) {
            throw e.within(fields.pointer());
        }
    }

    private static int whole(Fields fields, String key) {
        Object value = value(fields, key);
        if (!(value instanceof Long number) || number < 0 || number > ServerPrice.MAX_UNITS) {
            throw new InvalidStackException(
                    fields.at(key), "'" + key + "' must be a whole number between 0 and " + ServerPrice.MAX_UNITS);
        }
        return number.intValue();
    }

    /** A decimal given as a number or, to keep its exact digits, as a string such as "15.72". */
    private static BigDecimal decimal(Fields fields, String key) {
        Object value = value(fields, key);
        try {
            if (value instanceof String text && text.length() <= Numbers.MAX_CHARS) {
                return new BigDecimal(text.strip());
            }
        } catch (NumberFormatException e) {
            // not a number: reported below
        }
        if (value instanceof Long number) {
            return BigDecimal.valueOf(number);
        }
        if (value instanceof BigDecimal number) {
            return number;
        }
        throw new InvalidStackException(
                fields.at(key), "'" + key + "' must be a decimal number, such as \"15.72\", found " + show(value));
    }

    private static String show(Object value) {
        return value instanceof String text ? "'" + Excerpt.of(text) + "'" : Fields.kind(value);
    }

    private static Object value(Fields fields, String key) {
        @Nullable Object value = fields.map().get(key);
        if (value == null) {
            throw new InvalidStackException(fields.pointer(), "missing required field '" + key + "'");
        }
        return value;
    }
}
