package dev.countersign.stack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class TemplateTest {
    @Test
    void splitsTextAndReferences() {
        assertThat(Template.parse("ops@${domain}!", "/p").parts())
                .containsExactly(new Template.Text("ops@"), new Template.Ref("domain", null), new Template.Text("!"));
    }

    @Test
    void readsInlineDefaults() {
        assertThat(Template.parse("${n:=a:=b}", "/p").soleReference()).isEqualTo(new Template.Ref("n", "a:=b"));
    }

    @Test
    void turnsDoubleDollarIntoALiteral() {
        Template template = Template.parse("$${HOME} and $HOME", "/p");

        assertThat(template.references()).isEmpty();
        assertThat(template.parts()).containsExactly(new Template.Text("${HOME} and $HOME"));
    }

    @Test
    void findsTheSoleReferenceOnlyForAWholeString() {
        assertThat(Template.parse("${a}", "/p").soleReference()).isNotNull();
        assertThat(Template.parse(" ${a}", "/p").soleReference()).isNull();
        assertThat(Template.parse("${a}${b}", "/p").references())
                .extracting(Template.Ref::name)
                .isEqualTo(List.of("a", "b"));
    }

    @Test
    void rejectsAnUnterminatedReference() {
        assertThatThrownBy(() -> Template.parse("x ${oops", "/helm/values/x"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessage("unterminated variable reference: missing '}' (at /helm/values/x)");
    }

    @Test
    void rejectsAnInvalidName() {
        assertThatThrownBy(() -> Template.parse("${1abc}", "/p"))
                .isInstanceOf(InvalidStackException.class)
                .hasMessageContaining("invalid variable reference '${1abc}'");
    }
}
