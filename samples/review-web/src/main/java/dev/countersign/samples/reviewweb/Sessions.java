package dev.countersign.samples.reviewweb;

import dev.countersign.policy.Principal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/** The signed-in sessions of one server, in memory, with random ids and tokens. Thread-safe. */
final class Sessions {
    static final String COOKIE = "countersign-review";

    /** The cookie that carries the sign-in form's token (a double-submit token: no session exists yet). */
    static final String LOGIN_COOKIE = "countersign-login";

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]{43}");

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
        return cookie(cookieHeader, COOKIE).map(sessions::get);
    }

    /**
     * Returns the token for a sign-in form. It goes both into the form and into a {@code SameSite=Strict}
     * cookie: a page on another site can post the form but cannot send the cookie. A browser that already
     * holds a well-formed token keeps it, so a second load of the form (or the browser's own request for
     * {@code /favicon.ico}, sent to the form) does not invalidate the form on screen.
     */
    String loginToken(String cookieHeader) {
        return cookie(cookieHeader, LOGIN_COOKIE)
                .filter(token -> TOKEN.matcher(token).matches())
                .orElseGet(this::token);
    }

    static String setLoginCookie(String token) {
        return LOGIN_COOKIE + "=" + token + "; Path=/login; HttpOnly; SameSite=Strict";
    }

    static String clearLoginCookie() {
        return LOGIN_COOKIE + "=; Path=/login; HttpOnly; SameSite=Strict; Max-Age=0";
    }

    /** Tells whether the sign-in form's token is the one its cookie carries (compared in constant time). */
    static boolean loginTokenMatches(String cookieHeader, String formToken) {
        return cookie(cookieHeader, LOGIN_COOKIE)
                .filter(expected -> !expected.isEmpty())
                .map(expected -> MessageDigest.isEqual(
                        expected.getBytes(StandardCharsets.US_ASCII), formToken.getBytes(StandardCharsets.US_ASCII)))
                .orElse(false);
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

    private static Optional<String> cookie(String header, String name) {
        for (String part : header.split(";", -1)) {
            String pair = part.strip();
            if (pair.startsWith(name + "=")) {
                return Optional.of(pair.substring(name.length() + 1));
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
