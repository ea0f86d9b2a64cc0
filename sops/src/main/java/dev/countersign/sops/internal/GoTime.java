package dev.countersign.sops.internal;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Go's time text forms: RFC 3339 (seconds, for metadata) and RFC 3339 with nanoseconds (values). */
final class GoTime {
    private static final Pattern YAML_TIMESTAMP = Pattern.compile("(\\d{4})-(\\d{1,2})-(\\d{1,2})"
            + "(?:(?:[Tt](\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:\\d{2}))"
            + "|(?: (\\d{1,2}):(\\d{1,2}):(\\d{1,2})(?:\\.(\\d{1,9}))?))?");
    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss");

    private GoTime() {}

    /**
     * Resolves an unquoted YAML scalar as a timestamp the way yaml.v3 does.
     *
     * @param text the scalar text
     * @return the time, or empty when the text is no timestamp
     */
    static Optional<OffsetDateTime> parseYaml(String text) {
        Matcher m = YAML_TIMESTAMP.matcher(text);
        if (!m.matches()) {
            return Optional.empty();
        }
        try {
            return Optional.of(build(m));
        } catch (java.time.DateTimeException e) {
            return Optional.empty();
        }
    }

    private static OffsetDateTime build(Matcher m) {
        int year = Integer.parseInt(m.group(1));
        int month = Integer.parseInt(m.group(2));
        int day = Integer.parseInt(m.group(3));
        if (m.group(4) != null) {
            return OffsetDateTime.of(year, month, day, num(m, 4), num(m, 5), num(m, 6), nanos(m.group(7)), zone(m));
        }
        if (m.group(9) != null) {
            return OffsetDateTime.of(
                    year, month, day, num(m, 9), num(m, 10), num(m, 11), nanos(m.group(12)), ZoneOffset.UTC);
        }
        return OffsetDateTime.of(year, month, day, 0, 0, 0, 0, ZoneOffset.UTC);
    }

    private static int num(Matcher m, int group) {
        return Integer.parseInt(m.group(group));
    }

    private static ZoneOffset zone(Matcher m) {
        String zone = m.group(8);
        return "Z".equals(zone) ? ZoneOffset.UTC : ZoneOffset.of(zone);
    }

    private static int nanos(String fraction) {
        if (fraction == null) {
            return 0;
        }
        return Integer.parseInt((fraction + "000000000").substring(0, 9));
    }

    /**
     * Parses RFC 3339, with or without a fraction.
     *
     * @param text the text
     * @return the time
     * @throws DateTimeParseException when the text is not RFC 3339
     */
    static OffsetDateTime parseRfc3339(String text) {
        return OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME);
    }

    /**
     * Formats like Go's {@code time.RFC3339}: whole seconds, {@code Z} for UTC.
     *
     * @param time the time
     * @return the text, e.g. {@code 2026-01-01T00:00:00Z}
     */
    static String formatSeconds(OffsetDateTime time) {
        return SECONDS.format(time) + zoneText(time.getOffset());
    }

    /**
     * Formats like Go's {@code time.RFC3339Nano}: the fraction with trailing zeros trimmed.
     *
     * @param time the time
     * @return the text, e.g. {@code 2024-01-01T10:00:00.5+01:00}
     */
    static String formatNanos(OffsetDateTime time) {
        String fraction = "";
        if (time.getNano() != 0) {
            fraction = "." + String.format("%09d", time.getNano()).replaceAll("0+$", "");
        }
        return SECONDS.format(time) + fraction + zoneText(time.getOffset());
    }

    private static String zoneText(ZoneOffset offset) {
        return offset.getTotalSeconds() == 0 ? "Z" : offset.getId();
    }
}
