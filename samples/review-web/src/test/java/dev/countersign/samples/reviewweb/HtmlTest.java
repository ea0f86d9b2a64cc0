package dev.countersign.samples.reviewweb;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class HtmlTest {
    @Test
    void escapesTheFiveCharactersThatEndTextOrAttributes() {
        assertThat(Html.escape("<a href=\"x\" title='y'>&</a>"))
                .isEqualTo("&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;");
    }

    @Test
    void escapesTheTitleAndPrincipalOfAPage() {
        String page = Html.page("<t>", "<w>", "", "<p>body</p>");

        assertThat(page).contains("<title>&lt;t&gt; · Countersign review</title>", "&lt;w&gt;", "<p>body</p>");
    }
}
