package dev.railguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.api.Test;

class DeepRailsCodecTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEventCases#arguments")
    void every_entry_gives_the_same_message_for_the_same_mistake(BadEventCases.Case c) {
        for (DeepRailsEntry entry : DeepRailsEntry.values()) {
            assertThatThrownBy(() -> DeepRailsCodec.read(c.apply(BadEventCases.OPEN), entry))
                    .as(entry.name()).isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
        }
    }

    @ParameterizedTest
    @EnumSource(DeepRailsEntry.class)
    void the_base_event_of_the_case_table_is_valid_at_every_entry(DeepRailsEntry entry) {
        DeepRailsEvent e = DeepRailsCodec.read(BadEventCases.OPEN + "}", entry);
        assertThat(e.modelInput().userPrompt()).isEqualTo("q");
        assertThat(e.modelUsed()).isEqualTo("gpt-4o");
    }

    @Test
    void the_field_enum_spells_exactly_the_keys_the_codec_reads() {
        Set<String> top = new TreeSet<>();
        Set<String> input = new TreeSet<>();
        for (DeepRailsField f : DeepRailsField.values()) {
            (f.inModelInput() ? input : top).add(f.key());
        }
        assertThatThrownBy(() -> DeepRailsCodec.read(BadEventCases.OPEN + ",\"?\":1}", DeepRailsEntry.BATCH_LINE))
                .hasMessage("unknown field '?'; the fields allowed here are " + top);
        assertThatThrownBy(() -> DeepRailsCodec.read(BadEventCases.OPEN.replace("{\"user_prompt\"", "{\"?\":1,"
                + "\"user_prompt\"") + "}", DeepRailsEntry.BATCH_LINE))
                .hasMessage("unknown field 'model_input.?'; the fields allowed here are " + input);
    }

    @Test
    void an_unknown_key_names_the_keys_of_its_entry() {
        assertThatThrownBy(() -> DeepRailsCodec.read(BadEventCases.OPEN + ",\"web_search\":true}",
                DeepRailsEntry.WORKFLOW_BODY)).hasMessage("unknown field 'web_search'; the fields allowed here are"
                + " [model_input, model_output, model_used, nametag, run_mode]");
        assertThatThrownBy(() -> DeepRailsCodec.read(BadEventCases.OPEN + ",\"id\":\"x\"}",
                DeepRailsEntry.MONITOR_BODY)).hasMessage("unknown field 'id'; the fields allowed here are"
                + " [context_awareness, file_search, guardrail_metrics, model_input, model_output, model_used,"
                + " nametag, run_mode, web_search]");
    }

    @Test
    void a_monitor_body_names_metrics_but_not_thresholds() {
        assertThatThrownBy(() -> DeepRailsCodec.read(BadEventCases.OPEN + ",\"guardrail_metrics\":{\"x\":0.5}}",
                DeepRailsEntry.MONITOR_BODY)).hasMessage("guardrail_metrics must be an array of metric names, but"
                + " was: object {\"x\":0.5}");
        assertThat(DeepRailsCodec.read(BadEventCases.OPEN + ",\"guardrail_metrics\":{\"x\":0.5,\"y\":null}}",
                DeepRailsEntry.BATCH_LINE).thresholds()).isEqualTo(Map.of("x", 0.5));
    }

    @Test
    void lenient_reading_turns_unknown_keys_into_warnings() {
        DeepRailsEvent e = DeepRailsCodec.read(BadEventCases.OPEN + ",\"temperature\":0.2}",
                DeepRailsEntry.BATCH_LINE, true);
        assertThat(e.warnings()).containsExactly("unknown field 'temperature'; the fields allowed here are"
                + " [capabilities, context_awareness, file_search, guardrail_metrics, id, model_input, model_output,"
                + " model_used, nametag, run_mode, web_search] (ignored: lenient)");
        assertThatThrownBy(() -> DeepRailsCodec.read(BadEventCases.OPEN + ",\"nametag\":1}",
                DeepRailsEntry.BATCH_LINE, true)).hasMessage("nametag must be a string, but was: number 1");
    }

    @Test
    void a_full_event_written_reads_back_equal() {
        DeepRailsEvent e = new DeepRailsEvent("7", ModelInput.builder().systemPrompt("s").userPrompt("u")
                .groundTruth("g").addContext("tutor", "earlier").addDocuments("doc").extra("locale", "fr").build(),
                "out", "gpt-4o", RunMode.PRECISION, "tag", List.of("correctness", "completeness"),
                Map.of("correctness", 0.9), Set.of(Capability.WEB_SEARCH, Capability.FILE_SEARCH), List.of("f1", "f2"),
                List.of());
        String json = DeepRailsCodec.write(e);
        assertThat(json).startsWith("{\"model_input\":{\"system_prompt\":\"s\",\"user_prompt\":\"u\"");
        assertThat(DeepRailsCodec.read(json, DeepRailsEntry.BATCH_LINE)).isEqualTo(e);
    }

    @Test
    void tool_calls_read_and_write_with_json_arguments_kept_as_their_text() {
        String body = BadEventCases.OPEN.replace("{\"user_prompt\":\"q\"}", "{\"user_prompt\":\"q\",\"tool_calls\":["
                + "{\"name\":\"find\",\"arguments\":{\"name\":\"Chez Marie\"},\"result\":{\"id\":17}},"
                + "{\"name\":\"book\",\"arguments\":\"id=17\"}]}") + "}";
        for (DeepRailsEntry entry : List.of(DeepRailsEntry.BATCH_LINE, DeepRailsEntry.MONITOR_BODY)) {
            DeepRailsEvent e = DeepRailsCodec.read(body, entry);
            assertThat(e.modelInput().toolCalls()).containsExactly(
                    ModelInput.ToolCall.of("find", "{\"name\":\"Chez Marie\"}", "{\"id\":17}"),
                    ModelInput.ToolCall.of("book", "id=17", ""));
        }
        DeepRailsEvent line = DeepRailsCodec.read(body, DeepRailsEntry.BATCH_LINE);
        assertThat(DeepRailsCodec.read(DeepRailsCodec.write(line), DeepRailsEntry.BATCH_LINE)).isEqualTo(line);
    }

    @Test
    void documents_may_be_strings_or_named_contents_and_file_ids_reach_the_request() {
        DeepRailsEvent e = DeepRailsCodec.read("{\"model_input\":{\"user_prompt\":\"q\",\"documents\":[\"one\","
                + "{\"name\":\"n\",\"content\":\"two\"}]},\"model_output\":\"a\",\"file_search\":[\"f1\",\"f2\"]}",
                DeepRailsEntry.MONITOR_BODY);
        assertThat(e.modelInput().documents()).containsExactly("one", "two");
        EvaluationRequest r = e.toRequest(List.of("correctness"), RunMode.FAST);
        assertThat(r.modelInput().extras()).containsEntry(DeepRailsEvent.FILE_IDS_EXTRA, "f1,f2");
        assertThat(r.capabilities()).containsExactly(Capability.FILE_SEARCH);
        assertThat(r.metrics()).containsExactly("correctness");
        assertThat(r.modelInput().context()).isEmpty();
    }

    @Test
    void a_refusal_carries_the_id_and_keys_the_codec_could_read_where_the_entry_takes_an_id() {
        String bad = "{\"id\":7,\"model_input\":{\"user_prompt\":\"q\"},\"model_output\":[]}";
        assertThatThrownBy(() -> DeepRailsCodec.read(bad, DeepRailsEntry.BATCH_LINE))
                .isInstanceOfSatisfying(BadEventException.class, e -> {
                    assertThat(e.id()).isEqualTo("7");
                    assertThat(e.fields()).containsExactlyInAnyOrder("id", "model_input", "model_output");
                    assertThat(e).hasMessage("model_output must be a string, but was: array []");
                });
        // a monitor body takes no id: the refusal (of the id itself) reports none
        assertThatThrownBy(() -> DeepRailsCodec.read(bad, DeepRailsEntry.MONITOR_BODY))
                .isInstanceOfSatisfying(BadEventException.class, e -> assertThat(e.id()).isNull());
        assertThatThrownBy(() -> DeepRailsCodec.read("{\"id\":\"x\",", DeepRailsEntry.BATCH_LINE))
                .isInstanceOfSatisfying(BadEventException.class, e -> {
                    assertThat(e.id()).isNull();
                    assertThat(e.fields()).isEmpty();
                });
        DeepRailsEvent noMetrics = DeepRailsCodec.read("{\"id\":\"r1\",\"model_input\":{\"user_prompt\":\"q\"},"
                + "\"model_output\":\"a\"}", DeepRailsEntry.BATCH_LINE);
        assertThatThrownBy(() -> noMetrics.toRequest(List.of(), RunMode.FAST))
                .isInstanceOfSatisfying(BadEventException.class, e -> assertThat(e.id()).isEqualTo("r1"))
                .hasMessage("guardrail_metrics names no metric and there are no default metrics");
    }
}
