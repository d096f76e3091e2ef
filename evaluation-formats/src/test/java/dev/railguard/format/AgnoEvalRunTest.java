package dev.railguard.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Agno's eval-run record: read strictly, written with Agno's keys, and the same message as the body for a mistake. */
class AgnoEvalRunTest {

    @ParameterizedTest(name = "{0}")
    @MethodSource("dev.railguard.format.BadEvalRunCases#arguments")
    void the_record_and_the_body_give_the_same_message_for_the_same_mistake(BadEventCases.Case c) {
        assertThatThrownBy(() -> AgnoEvalRun.read(c.apply(BadEvalRunCases.RECORD))).as("record")
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
        assertThatThrownBy(() -> AgnoEvalRunBody.read(c.apply(BadEvalRunCases.BODY))).as("body")
                .isInstanceOf(IllegalArgumentException.class).hasMessage(c.message());
    }

    @Test
    void the_base_documents_of_the_case_table_are_valid() {
        assertThat(AgnoEvalRun.read(BadEvalRunCases.RECORD + "}").evalType()).isEqualTo("performance");
        assertThat(AgnoEvalRunBody.read(BadEvalRunCases.BODY + "}").evalType()).isEqualTo("performance");
    }

    @Test
    void agnos_own_record_with_null_times_and_agnos_keys_reads_and_writes_back_byte_for_byte() {
        String agno = "{\"id\":\"f2b2d72f\",\"agent_id\":null,\"model_id\":\"gpt-4o\",\"model_provider\":null,"
                + "\"team_id\":null,\"workflow_id\":null,\"name\":null,\"evaluated_component_name\":null,"
                + "\"eval_type\":\"accuracy\",\"eval_data\":{\"results\":[{\"input\":\"q\",\"expected_output\":\"4\","
                + "\"score\":8}],\"avg_score\":8.0,\"mean_score\":8.0,\"std_dev_score\":null},\"eval_input\":null,"
                + "\"created_at\":null,\"updated_at\":null}";
        AgnoEvalRun r = AgnoEvalRun.read(agno);
        assertThat(r.createdAt()).isNull();
        assertThat(r.evalData().get("avg_score")).isEqualTo(8.0);
        assertThat(r.write()).isEqualTo(agno);
    }

    @Test
    void a_record_built_in_code_equals_its_read_back_copy_whatever_the_number_types() {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("allocated_bytes", List.of(1000L, 3_000_000_000L));
        data.put("p95_run_time", 0.25);
        data.put("eval_status", "COMPLETED");
        AgnoEvalRun r = new AgnoEvalRun("r1", null, "gpt-4o", null, null, null, "n", "f", "performance", data,
                new AgnoEvalInput.Performance(2, 0, null, 1.2).toMap(), Instant.parse("2025-08-27T15:41:59.123456Z"),
                Instant.parse("2025-08-27T15:42:00Z"));
        assertThat(r.write()).isEqualTo("{\"id\":\"r1\",\"agent_id\":null,\"model_id\":\"gpt-4o\",\"model_provider\":null,"
                + "\"team_id\":null,\"workflow_id\":null,\"name\":\"n\",\"evaluated_component_name\":\"f\","
                + "\"eval_type\":\"performance\",\"eval_data\":{\"allocated_bytes\":[1000,3000000000],"
                + "\"p95_run_time\":0.25,\"eval_status\":\"COMPLETED\"},\"eval_input\":{\"num_iterations\":2,"
                + "\"warmup_runs\":0,\"baseline\":null,\"regression_factor\":1.2},"
                + "\"created_at\":\"2025-08-27T15:41:59.123Z\",\"updated_at\":\"2025-08-27T15:42:00Z\"}");
        assertThat(AgnoEvalRun.read(r.write())).isEqualTo(r);
        assertThatThrownBy(() -> r.evalData().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void each_eval_input_has_agnos_keys_for_its_type_with_railguards_beside_them() {
        assertThat(new AgnoEvalInput.Accuracy("q", List.of("4"), 3, List.of(), null, null, 1, "acc-1", List.of())
                .toMap()).containsOnlyKeys("input", "expected_output", "num_iterations", "additional_guidelines",
                        "additional_context", "threshold", "parallelism", "judge_prompt_version")
                .containsEntry("expected_output", "4");
        assertThat(new AgnoEvalInput.Accuracy("q", List.of("4", "four"), 3, List.of(), null, null, 1, "acc-1",
                List.of("self-judging")).toMap()).containsEntry("expected_output", List.of("4", "four"))
                .containsEntry("warnings", List.of("self-judging"));
        assertThat(new AgnoEvalInput.AgentAsJudge("brief", "binary", null, List.of("g"), "ctx", "aaj-1", List.of())
                .toMap()).containsOnlyKeys("criteria", "scoring_strategy", "threshold", "additional_guidelines",
                        "additional_context", "judge_prompt_version");
        assertThat(new AgnoEvalInput.Reliability(List.of("multiply"), true, "any", Map.of("multiply", "a=10"),
                List.of()).toMap()).containsOnlyKeys("expected_tool_calls", "allow_additional_tool_calls", "order",
                        "expected_tool_call_arguments", "counts");
    }

    @Test
    void agnos_keys_are_added_to_railguards_result_per_type() {
        Map<String, Object> accuracy = AgnoEvalRun.agnoEvalData("accuracy", "r1", Map.of("results",
                List.of(Map.of("expected_outputs", List.of("4", "four")), Map.of("expected_outputs", List.of()))));
        List<?> results = (List<?>) accuracy.get("results");
        assertThat(results.stream().<Object>map(m -> ((Map<?, ?>) m).get("expected_output")).toList()).containsExactly("4",
                null);
        assertThat(AgnoEvalRun.agnoEvalData("agent_as_judge", "r1", Map.of())).containsEntry("run_id", "r1");
        assertThat(AgnoEvalRun.agnoEvalData("performance", "r1", Map.of("p95_run_time", 1.0)))
                .containsOnlyKeys("p95_run_time");
    }

    @Test
    void a_record_is_refused_naming_what_is_wrong() {
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\",\"eval_data\":{},"
                + "\"score\":1}")).hasMessage("unknown field 'score'; the fields allowed here are [agent_id,"
                + " created_at, eval_data, eval_input, eval_type, evaluated_component_name, id, model_id,"
                + " model_provider, name, team_id, updated_at, workflow_id]");
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"eval_type\":\"accuracy\",\"eval_data\":{}}"))
                .hasMessage("id is required (the run's id, a string), but was missing");
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\"}"))
                .hasMessage("eval_data is required (the run's result, an object), but was missing");
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\",\"eval_data\":[]}"))
                .hasMessage("eval_data must be an object, but was: array []");
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\",\"eval_data\":{},"
                + "\"eval_input\":\"q\"}")).hasMessage("eval_input must be an object, but was: string \"q\"");
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\",\"eval_data\":{\"a\":1,"
                + "\"a\":2}}")).hasMessage("duplicate field 'a'; each field may appear once");
        assertThatThrownBy(() -> AgnoEvalRun.readObject("[1]", "eval_data"))
                .hasMessage("eval_data must be a JSON object, but was: array");
    }
}
