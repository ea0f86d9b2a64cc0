package dev.countersign.mcp.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class JsonPatchTest {
    private static JsonNode json(String text) {
        return Arguments.JSON.readTree(text.replace('\'', '"'));
    }

    private static JsonNode apply(String doc, String patch) {
        return JsonPatch.apply(json(doc), json(patch));
    }

    @Test
    void addsToObjectsAndArrays() {
        assertThat(apply("{'a':1}", "[{'op':'add','path':'/b','value':2}]")).isEqualTo(json("{'a':1,'b':2}"));
        assertThat(apply("{'a':[1,3]}", "[{'op':'add','path':'/a/1','value':2}]"))
                .isEqualTo(json("{'a':[1,2,3]}"));
        assertThat(apply("{'a':[1]}", "[{'op':'add','path':'/a/-','value':2}]")).isEqualTo(json("{'a':[1,2]}"));
    }

    @Test
    void removesAndReplaces() {
        assertThat(apply("{'a':1,'b':2}", "[{'op':'remove','path':'/a'}]")).isEqualTo(json("{'b':2}"));
        assertThat(apply("{'a':[1,2]}", "[{'op':'remove','path':'/a/0'}]")).isEqualTo(json("{'a':[2]}"));
        assertThat(apply("{'a':1}", "[{'op':'replace','path':'/a','value':{'x':1}}]"))
                .isEqualTo(json("{'a':{'x':1}}"));
    }

    @Test
    void movesAndCopies() {
        assertThat(apply("{'a':{'b':1},'c':{}}", "[{'op':'move','from':'/a/b','path':'/c/d'}]"))
                .isEqualTo(json("{'a':{},'c':{'d':1}}"));
        assertThat(apply("{'a':[1,2]}", "[{'op':'copy','from':'/a/0','path':'/a/-'}]"))
                .isEqualTo(json("{'a':[1,2,1]}"));
    }

    @Test
    void testsValuesAndUnescapesPointers() {
        assertThat(apply("{'a/b':{'m~n':1}}", "[{'op':'test','path':'/a~1b/m~0n','value':1}]"))
                .isEqualTo(json("{'a/b':{'m~n':1}}"));
        assertThatThrownBy(() -> apply("{'a':1}", "[{'op':'test','path':'/a','value':2}]"))
                .isInstanceOf(ArgumentException.class)
                .hasMessageContaining("test failed at /a");
    }

    @Test
    void isAllOrNothing() {
        JsonNode doc = json("{'a':1}");
        assertThatThrownBy(() ->
                        JsonPatch.apply(doc, json("[{'op':'add','path':'/b','value':2},{'op':'remove','path':'/zz'}]")))
                .hasMessageContaining("patch[1]: no value at /zz");
        assertThat(doc).isEqualTo(json("{'a':1}"));
    }

    @Test
    void refusesMalformedOperations() {
        assertThatThrownBy(() -> apply("{}", "{'op':'add'}")).hasMessageContaining("must be a JSON Patch array");
        assertThatThrownBy(() -> apply("{}", "[{'op':'frob','path':'/a'}]")).hasMessageContaining("unknown op");
        assertThatThrownBy(() -> apply("{}", "[{'op':'add','path':'a','value':1}]"))
                .hasMessageContaining("must start with '/'");
        assertThatThrownBy(() -> apply("{}", "[{'op':'add','path':'/a'}]")).hasMessageContaining("'value'");
        assertThatThrownBy(() -> apply("{'a':[1]}", "[{'op':'add','path':'/a/5','value':1}]"))
                .hasMessageContaining("no value at /a/5");
        assertThatThrownBy(() -> apply("{'a':{'b':1}}", "[{'op':'move','from':'/a','path':'/a/b/c'}]"))
                .hasMessageContaining("into itself");
    }
}
