package dev.countersign.gitops;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The rules of an {@link Insight}'s parts, and the text form of an evidence window. */
final class InsightChecks {
    private static final Pattern WINDOW = Pattern.compile("([1-9][0-9]{0,8})([smhdw])");

    private static final Duration MAX_WINDOW = Duration.ofDays(366);

    private static final List<String> LARGEST_FIRST = List.of("w", "d", "h", "m", "s");

    private InsightChecks() {}

    static String line(String field, String text, int max) {
        Objects.requireNonNull(text, field);
        if (text.isBlank()) {
            throw new InvalidInsightException(field, "must not be blank");
        }
        if (text.length() > max) {
            throw new InvalidInsightException(field, "has " + text.length() + " characters: at most " + max);
        }
        if (text.chars().anyMatch(Character::isISOControl)) {
            throw new InvalidInsightException(field, "must be one line without control characters");
        }
        return text.strip();
    }

    static void count(String field, int size, int max) {
        if (size == 0 || size > max) {
            throw new InvalidInsightException(field, "has " + size + " entries: must have 1 to " + max);
        }
    }

    static void fraction(String field, double value) {
        if (!(value >= 0 && value <= 1)) {
            throw new InvalidInsightException(field, "must be a number from 0 to 1");
        }
    }

    static void positive(String field, Duration window) {
        if (window.isNegative() || window.isZero() || window.compareTo(MAX_WINDOW) > 0) {
            throw new InvalidInsightException(field, "must be a positive duration of at most 366 days");
        }
    }

    static void finite(String field, List<Double> values) {
        for (int i = 0; i < values.size(); i++) {
            if (!Double.isFinite(values.get(i))) {
                throw new InvalidInsightException(field + "[" + i + "]", "must be a finite number");
            }
        }
    }

    static String windowText(Duration window) {
        for (String unit : LARGEST_FIRST) {
            Duration one = unit(unit);
            if (window.toNanos() % one.toNanos() == 0) {
                return window.dividedBy(one) + unit;
            }
        }
        return window.toString();
    }

    static Duration window(String field, String text) {
        Matcher written = WINDOW.matcher(text.strip());
        if (written.matches()) {
            return unit(written.group(2)).multipliedBy(Long.parseLong(written.group(1)));
        }
        try {
            return Duration.parse(text.strip().toUpperCase(Locale.ROOT));
        } catch (DateTimeParseException e) {
            throw new InvalidInsightException(field, "must be a duration such as 30m, 6h, 7d, 1w or PT6H");
        }
    }

    private static Duration unit(String letter) {
        return switch (letter) {
            case "w" -> Duration.ofDays(7);
            case "d" -> Duration.ofDays(1);
            case "h" -> Duration.ofHours(1);
            case "m" -> Duration.ofMinutes(1);
            default -> Duration.ofSeconds(1);
        };
    }
}
