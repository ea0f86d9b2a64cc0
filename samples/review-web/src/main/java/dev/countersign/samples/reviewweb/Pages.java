package dev.countersign.samples.reviewweb;

import static dev.countersign.samples.reviewweb.Html.escape;

import dev.countersign.gitops.Proposal;
import dev.countersign.gitops.ProposalState;
import dev.countersign.policy.Principal;
import java.util.List;
import java.util.Locale;

/** The login page, the list of proposals by state, the logout form and the error page. */
final class Pages {
    private Pages() {}

    static String login(List<Principal> principals, String message, String csrfToken) {
        StringBuilder options = new StringBuilder();
        for (Principal principal : principals) {
            String name = escape(principal.name());
            options.append("<option value=\"")
                    .append(name)
                    .append("\">")
                    .append(name)
                    .append("</option>\n");
        }
        String body = "<h1>Sign in</h1>\n"
                + (message.isEmpty() ? "" : "<p class=\"error\">" + escape(message) + "</p>\n")
                + "<p>A sample host: pick a principal named by the repository's policy. A real host signs people"
                + " and agents in with its own authentication and hands Countersign the principal.</p>\n"
                + "<form method=\"post\" action=\"/login\" id=\"login\"><input type=\"hidden\" name=\"csrf\" value=\""
                + escape(csrfToken) + "\"><label>principal <select name=\"principal\""
                + " id=\"principal\">\n" + options
                + "</select></label> <button type=\"submit\">Sign in</button></form>\n";
        return Html.page("Sign in", "", "", body);
    }

    static String proposals(Session session, List<Proposal> proposals) {
        StringBuilder body = new StringBuilder("<h1>Proposals</h1>\n");
        if (proposals.isEmpty()) {
            body.append("<p>No proposals yet.</p>\n");
        }
        for (ProposalState state : ProposalState.values()) {
            List<Proposal> inState =
                    proposals.stream().filter(p -> p.state() == state).toList();
            if (!inState.isEmpty()) {
                list(body, state, inState);
            }
        }
        return page(session, "Proposals", body.toString());
    }

    private static void list(StringBuilder body, ProposalState state, List<Proposal> proposals) {
        String name = state.name().toLowerCase(Locale.ROOT);
        body.append("<h2 id=\"state-")
                .append(name)
                .append("\">")
                .append(state.name())
                .append("</h2>\n<ul class=\"proposals\">\n");
        for (Proposal p : proposals) {
            body.append("<li><a href=\"/proposals/")
                    .append(escape(p.id()))
                    .append("\">")
                    .append(escape(p.id()))
                    .append("</a> ")
                    .append(escape(p.header().subject().describe()))
                    .append(" by ")
                    .append(escape(p.proposer().toString()))
                    .append(": ")
                    .append(escape(p.rationale()))
                    .append("</li>\n");
        }
        body.append("</ul>\n");
    }

    static String page(Session session, String title, String body) {
        String logout = "<form method=\"post\" action=\"/logout\" class=\"logout\"><input type=\"hidden\" name=\"csrf\""
                + " value=\"" + escape(session.csrfToken()) + "\"><button type=\"submit\" id=\"logout\">Sign out"
                + "</button></form>";
        return Html.page(title, session.principal().toString(), logout, body);
    }

    static String error(int status, String title, String message) {
        return Html.page(
                title,
                "",
                "",
                "<h1>" + status + " " + escape(title) + "</h1>\n<p class=\"error\" id=\"error\">" + escape(message)
                        + "</p>\n<p><a href=\"/proposals\">Back to the proposals</a></p>\n");
    }
}
