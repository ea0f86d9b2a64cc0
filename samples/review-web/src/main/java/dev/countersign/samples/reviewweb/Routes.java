package dev.countersign.samples.reviewweb;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import dev.countersign.gitops.ActionDeniedException;
import dev.countersign.gitops.GitOpsException;
import dev.countersign.gitops.GitOpsRepository;
import dev.countersign.gitops.IllegalTransitionException;
import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.Reviewer;
import dev.countersign.gitops.UnknownProposalException;
import dev.countersign.policy.Principal;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Answers every request: sign in and out, the list, a proposal's page, and the review actions. Every POST
 * needs a CSRF token: the session's, or for the sign-in the form's token doubled in a cookie; the actions go through {@link GitOpsRepository#reviewer},
 * which refuses anyone but a human acting for itself.
 */
final class Routes implements HttpHandler {
    private static final Pattern PROPOSAL = Pattern.compile("/proposals/([A-Za-z0-9-]{1,64})");
    private static final Pattern ACTION = Pattern.compile("/proposals/([A-Za-z0-9-]{1,64})/(approve|reject|record)");

    private final GitOpsRepository repository;
    private final Sessions sessions;

    Routes(GitOpsRepository repository, Sessions sessions) {
        this.repository = repository;
        this.sessions = sessions;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try {
            route(exchange, exchange.getRequestURI().getPath(), exchange.getRequestMethod());
        } catch (Http.BadRequest e) {
            Http.page(exchange, 400, Pages.error(400, "Bad request", String.valueOf(e.getMessage())));
        } catch (UnknownProposalException e) {
            Http.page(exchange, 404, Pages.error(404, "No such proposal", String.valueOf(e.getMessage())));
        } catch (ActionDeniedException e) {
            Http.page(exchange, 403, Pages.error(403, "Denied by rule " + e.rule(), String.valueOf(e.getMessage())));
        } catch (IllegalTransitionException e) {
            Http.page(exchange, 409, Pages.error(409, "Not possible now", String.valueOf(e.getMessage())));
        } catch (GitOpsException e) {
            Http.page(exchange, 500, Pages.error(500, "Repository error", String.valueOf(e.getMessage())));
        } catch (RuntimeException e) {
            // a stack or policy the library cannot read: say so without a stack trace on the page
            Http.page(
                    exchange,
                    500,
                    Pages.error(500, "Internal error", e.getClass().getSimpleName()));
        } finally {
            exchange.close();
        }
    }

    private void route(HttpExchange exchange, String path, String method) throws IOException {
        if (path.equals("/static/review.css")) {
            Http.send(exchange, 200, "text/css; charset=utf-8", stylesheet());
        } else if (path.equals("/login")) {
            login(exchange, method);
        } else {
            Optional<Session> session = sessions.find(Http.cookieHeader(exchange));
            if (session.isEmpty()) {
                signInFirst(exchange, method);
            } else if (method.equals("POST")) {
                post(exchange, path, session.get());
            } else if (method.equals("GET")) {
                get(exchange, path, session.get());
            } else {
                Http.page(exchange, 405, Pages.error(405, "Method not allowed", method));
            }
        }
    }

    private void login(HttpExchange exchange, String method) throws IOException {
        List<Principal> principals = repository.policy().principals();
        if (!method.equals("POST")) {
            loginPage(exchange, 200, principals, "");
            return;
        }
        Map<String, String> form = Http.form(exchange);
        if (!Sessions.loginTokenMatches(Http.cookieHeader(exchange), form.getOrDefault("csrf", ""))) {
            loginPage(exchange, 403, principals, "missing or wrong CSRF token: sign in from this page");
            return;
        }
        String name = form.getOrDefault("principal", "");
        Optional<Principal> principal =
                principals.stream().filter(p -> p.name().equals(name)).findFirst();
        if (principal.isEmpty()) {
            loginPage(exchange, 403, principals, "'" + name + "' is not a principal of the policy");
            return;
        }
        exchange.getResponseHeaders().add("Set-Cookie", Sessions.clearLoginCookie());
        exchange.getResponseHeaders().add("Set-Cookie", Sessions.setCookie(sessions.open(principal.get())));
        Http.redirect(exchange, "/proposals");
    }

    private void loginPage(HttpExchange exchange, int status, List<Principal> principals, String message)
            throws IOException {
        String token = sessions.loginToken(Http.cookieHeader(exchange));
        exchange.getResponseHeaders().add("Set-Cookie", Sessions.setLoginCookie(token));
        Http.page(exchange, status, Pages.login(principals, message, token));
    }

    private static void signInFirst(HttpExchange exchange, String method) throws IOException {
        if (method.equals("GET")) {
            Http.redirect(exchange, "/login");
        } else {
            Http.page(exchange, 403, Pages.error(403, "Forbidden", "sign in first"));
        }
    }

    private void get(HttpExchange exchange, String path, Session session) throws IOException {
        Matcher proposal = PROPOSAL.matcher(path);
        if (path.equals("/") || path.equals("/proposals")) {
            Http.page(exchange, 200, Pages.proposals(session, repository.proposals(null)));
        } else if (proposal.matches()) {
            Http.page(exchange, 200, proposalPage(session, proposal.group(1)));
        } else {
            Http.page(exchange, 404, Pages.error(404, "Not found", path));
        }
    }

    private String proposalPage(Session session, String id) {
        Proposal proposal = repository.proposal(id);
        ProposalPage page = new ProposalPage(
                repository.review(id),
                repository.content(id),
                repository.policy().approvals(proposal.environment()),
                session);
        return Pages.page(session, "Proposal " + id, page.body(null));
    }

    private void post(HttpExchange exchange, String path, Session session) throws IOException {
        Map<String, String> form = Http.form(exchange);
        if (!Sessions.tokenMatches(session, form.getOrDefault("csrf", ""))) {
            Http.page(exchange, 403, Pages.error(403, "Forbidden", "missing or wrong CSRF token"));
            return;
        }
        Matcher action = ACTION.matcher(path);
        if (path.equals("/logout")) {
            sessions.close(session);
            exchange.getResponseHeaders().add("Set-Cookie", Sessions.clearCookie());
            Http.redirect(exchange, "/login");
        } else if (action.matches()) {
            act(session, action.group(1), action.group(2), form.getOrDefault("reason", ""));
            Http.redirect(exchange, "/proposals/" + action.group(1));
        } else {
            Http.page(exchange, 404, Pages.error(404, "Not found", path));
        }
    }

    private void act(Session session, String id, String action, String reason) {
        Reviewer reviewer = repository.reviewer(session.principal());
        switch (action) {
            case "approve" -> reviewer.approve(id);
            case "reject" -> reviewer.reject(id, requireReason(reason));
            default -> reviewer.record(id);
        }
    }

    private static String requireReason(String reason) {
        if (reason.isBlank()) {
            throw new Http.BadRequest("a rejection needs a reason");
        }
        return reason.strip();
    }

    private static String stylesheet() throws IOException {
        try (InputStream in = Routes.class.getResourceAsStream("review.css")) {
            if (in == null) {
                throw new IOException("review.css missing from the application");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
