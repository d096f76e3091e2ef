package dev.railguard.engine.internal.call;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.railguard.api.UnitKind;
import org.junit.jupiter.api.Test;

class JsonRepliesTest {

    private static final String GOOD = "{\"units\":[{\"text\":\"a {b}\",\"label\":\"\",\"verdict\":\"Y\","
            + "\"confidence\":\"high\",\"reason\":\"r\"}]}";

    private static JsonNode read(String text) throws Exception {
        return JsonReplies.read(text, Schemas.judgedUnits("m", new UnitKind("claim", "Split.", UnitKind.Source.OUTPUT))
                .rootElement());
    }

    @Test
    void plain_json_is_read() throws Exception {
        assertThat(read(GOOD).path("units").get(0).path("text").asText()).isEqualTo("a {b}");
    }

    @Test
    void code_fences_and_prose_around_the_json_are_tolerated() throws Exception {
        JsonNode node = read("Sure! Here is my evaluation:\n```json\n" + GOOD + "\n```\nHope this helps {really}.");
        assertThat(node.path("units")).hasSize(1);
    }

    @Test
    void a_trailing_comma_is_tolerated() throws Exception {
        assertThat(read("{\"units\":[],}").path("units").isArray()).isTrue();
    }

    @Test
    void enum_values_are_matched_ignoring_case() throws Exception {
        assertThat(read(GOOD.replace("\"high\"", "\"HIGH\""))).isNotNull();
    }

    @Test
    void a_reply_without_json_says_so() {
        assertThatThrownBy(() -> read("I think the answer is correct."))
                .hasMessage("the reply contains no complete JSON object");
    }

    @Test
    void a_truncated_reply_says_so() {
        assertThatThrownBy(() -> read("{\"units\":[{\"text\":\"a\"")).hasMessage("the reply contains no complete JSON object");
    }

    @Test
    void an_empty_reply_says_so() {
        assertThatThrownBy(() -> read("  ")).hasMessage("the reply was empty");
    }

    @Test
    void schema_violations_name_the_json_path() {
        assertThatThrownBy(() -> read("{\"units\":[{\"text\":\"a\",\"label\":\"\",\"verdict\":\"maybe\","
                + "\"confidence\":\"high\"}]}"))
                .hasMessage("the JSON does not match the schema: $.units[0].reason is missing; $.units[0].verdict"
                        + " must be one of [Y, N], but was \"maybe\"");
    }

    @Test
    void a_wrong_type_is_named() {
        assertThatThrownBy(() -> read("{\"units\":{}}"))
                .hasMessage("the JSON does not match the schema: $.units must be an array");
    }
}
