package dev.countersign.samples.reviewweb;

/**
 * Escapes text for HTML and wraps a page body in the common layout. Everything that comes from a stack,
 * a proposal or a request goes through {@link #escape(String)} before it reaches a page.
 */
final class Html {
    private Html() {}

    /**
     * Escapes text for HTML element content and double- or single-quoted attribute values.
     *
     * @param text any text
     * @return the text with {@code & < > " '} as character references
     */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /**
     * Returns a complete page.
     *
     * @param title the page title, escaped here
     * @param who the signed-in principal's name, escaped here, or the empty string
     * @param logout the logout form (already HTML), or the empty string
     * @param body the body (already HTML)
     * @return the page
     */
    static String page(String title, String who, String logout, String body) {
        return """
                <!DOCTYPE html>
                <html lang="en">
                <head>
                <meta charset="utf-8">
                <title>%s · Countersign review</title>
                <link rel="stylesheet" href="/static/review.css">
                </head>
                <body>
                <header><a class="brand" href="/proposals">Countersign review</a>\
                <span class="who">%s</span>%s</header>
                <main>
                %s
                </main>
                </body>
                </html>
                """.formatted(escape(title), escape(who), logout, body);
    }
}
