package dev.countersign.policy;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** Recognises values that look like credentials, naming what they look like but never repeating them. */
final class Credentials {
    private static final Map<String, Pattern> PATTERNS = Map.of(
            "PEM private key", Pattern.compile("-----BEGIN ([A-Z0-9]+ )*PRIVATE KEY( BLOCK)?-----"),
            "AWS access key id", Pattern.compile("\\b(AKIA|ASIA|ABIA|ACCA)[A-Z0-9]{16}\\b"),
            "GitHub token", Pattern.compile("\\b(gh[pousr]_[A-Za-z0-9]{36,}|github_pat_[A-Za-z0-9_]{22,})"),
            "GitLab token", Pattern.compile("\\bglpat-[A-Za-z0-9_-]{20,}"),
            "Slack token", Pattern.compile("\\bxox[abprs]-[A-Za-z0-9-]{10,}"),
            "Google API key", Pattern.compile("\\bAIza[0-9A-Za-z_-]{35}"),
            "Stripe live key", Pattern.compile("\\b[sr]k_live_[0-9A-Za-z]{24,}"));
    private static final Pattern SECRET_KEY = Pattern.compile("(?i).*(password|passwd|secret|token|credential|key)");
    private static final int MIN_LENGTH = 16;
    private static final double MIN_ENTROPY = 3.5;

    private Credentials() {}

    /**
     * What the value under {@code key} looks like, if it looks like a credential. A variable reference and a
     * whole sops ciphertext are not judged; a value that merely starts like one ({@code ENC[…}) is.
     */
    static Optional<String> detect(String key, String value) {
        if (value.contains("${") || SecretRule.isCiphertext(value)) {
            return Optional.empty();
        }
        for (Map.Entry<String, Pattern> pattern : PATTERNS.entrySet()) {
            if (pattern.getValue().matcher(value).find()) {
                return Optional.of(pattern.getKey());
            }
        }
        return SECRET_KEY.matcher(key).matches() && isHighEntropy(value)
                ? Optional.of("high-entropy string under '" + key.toLowerCase(Locale.ROOT) + "'")
                : Optional.empty();
    }

    static boolean isHighEntropy(String value) {
        if (value.length() < MIN_LENGTH || value.chars().anyMatch(Character::isWhitespace)) {
            return false;
        }
        return entropy(value) >= MIN_ENTROPY;
    }

    /** Shannon entropy in bits per character. */
    static double entropy(String value) {
        Map<Integer, Integer> counts = new HashMap<>();
        value.codePoints().forEach(c -> counts.merge(c, 1, Integer::sum));
        double length = value.codePointCount(0, value.length());
        double bits = 0;
        for (int count : counts.values()) {
            double p = count / length;
            bits -= p * Math.log(p) / Math.log(2);
        }
        return bits;
    }
}
