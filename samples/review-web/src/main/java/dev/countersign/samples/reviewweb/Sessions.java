package dev.countersign.samples.reviewweb;

import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The signed-in sessions of one server, in memory, with random ids and tokens. Thread-safe. */
final class Sessions {
    static final String COOKIE = "countersign-review";

    private final SecureRandom random;
    private final Map<String, Session> sessions = new ConcurrentHashMap<>();

    Sessions(SecureRandom random) {
        this.random = random;
    }

    Session open(Principal principal) {
        Session session = new Session(token(), principal, token());
        sessions.put(session.id(), session);
        return session;
    }

    Optional<Session> find(String cookieHeader) {
        return cookie(cookieHeader).map(sessions::get);
    }

    void close(Session session) {
        sessions.remove(session.id());
    }

    static String setCookie(Session session) {
        return COOKIE + "=" + session.id() + "; Path=/; HttpOnly; SameSite=Strict";
    }

    static String clearCookie() {
        return COOKIE + "=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    static boolean tokenMatches(Session session, String token) {
        return MessageDigest.isEqual(
                session.csrfToken().getBytes(StandardCharsets.US_ASCII), token.getBytes(StandardCharsets.US_ASCII));
    }

    private static Optional<String> cookie(String header) {
        for (String part : header.split(";", -1)) {
            String pair = part.strip();
            if (pair.startsWith(COOKIE + "=")) {
                return Optional.of(pair.substring(COOKIE.length() + 1));
            }
        }
        return Optional.empty();
    }

    private String token() {
        byte[] bytes = new byte[32];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
