package dev.railguard.evals;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.invocation.InvocationContext;
import dev.langchain4j.service.Result;
import dev.langchain4j.service.tool.ToolExecution;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.evals.internal.EvalJson;
import dev.railguard.format.AgnoEvalRun;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Seed 002 in and out: every request key kept, every response key written ({@link EvalRun#toAgno}), Agno's eval_data
 * keys per type.
 */
class AgnoEvalRunTest {

    /** Performance and reliability ask no judge. */
    private static final RailguardEvaluator OFFLINE = RailguardEvaluator.builder().build();

    private static final Subject CALCULATOR = Subject.aiService("calculator", "gpt-4o", in -> Result.<String>builder()
            .content("50").toolExecutions(List.of(ToolExecution.builder().request(ToolExecutionRequest.builder()
                    .name("multiply").arguments("{\"a\": 10, \"b\": 5}").build()).result("50")
                    .invocationContext(InvocationContext.builder().build()).build()))
            .build());

    @Test
    void the_seed_request_body_keeps_every_key() throws Exception {
        EvalRunRequest r = EvalRunRequest.fromJson(resource("002-request-example.json"));
        assertThat(r.agentId()).isEqualTo("<string>");
        assertThat(r.teamId()).isEqualTo("<string>");
        assertThat(r.modelProvider()).isEqualTo("<string>");
        assertThat(r.modelId()).isEqualTo("<string>");
        assertThat(r.criteria()).isEqualTo("<string>");
        assertThat(r.expectedToolCalls()).containsExactly("<string>");
        assertThat(EvalRunRequest.fromJson("{\"eval_type\": \"performance\", \"input\": \" \"}").input()).isEqualTo(" ");
    }

    @Test
    void a_reliability_record_has_the_seed_keys_and_the_request_ids_and_reads_back() throws Exception {
        EvalRunRequest request = EvalRunRequest.fromJson("""
                {"eval_type": "reliability", "input": "What is 10 * 5?", "agent_id": "basic-agent",
                 "model_id": "gpt-4o", "model_provider": "OpenAI", "expected_tool_calls": ["multiply"]}""");
        EvalRun run = AgentEvals.using(OFFLINE).run(request, CALCULATOR);
        AgnoEvalRun record = run.toAgno(request);
        JsonNode written = EvalJson.MAPPER.readTree(record.write());
        JsonNode seed = EvalJson.MAPPER.readTree(resource("002-response-example.json"));

        assertThat(names(written)).containsExactlyElementsOf(AgnoEvalRun.KEYS);
        assertThat(names(written)).containsAll(names(seed));
        for (String key : List.of("agent_id", "model_id", "model_provider", "eval_type")) {
            assertThat(written.get(key).asText()).as(key).isEqualTo(seed.get(key).asText());
        }
        assertThat(written.get("team_id").isNull()).isTrue();
        assertThat(names(written.get("eval_data"))).containsAll(names(seed.get("eval_data")));
        assertThat(written.get("eval_data")).isEqualTo(seedData(written, seed));
        assertThat(written.get("eval_input").get("input").asText()).isEqualTo("What is 10 * 5?");
        assertThat(AgnoEvalRun.read(record.write())).isEqualTo(record);
    }

    @Test
    void expected_tool_call_arguments_are_read_and_checked() {
        EvalRunRequest request = EvalRunRequest.fromJson("""
                {"eval_type": "reliability", "input": "q", "expected_tool_calls": ["multiply"],
                 "expected_tool_call_arguments": {"multiply": [{"a": 10}, {"b": 6}]}}""");
        assertThat(request.expectedToolCallArguments()).containsEntry("multiply",
                List.of(Map.of("a", 10), Map.of("b", 6)));
        ReliabilityResult r = (ReliabilityResult) AgentEvals.using(OFFLINE).run(request, CALCULATOR)
                .evalData();
        assertThat(r.evalStatus()).isEqualTo(EvalStatus.FAILED);
        assertThat(r.failedArgumentChecks()).isNotEmpty();
        assertThatThrownBy(() -> EvalRunRequest.fromJson("""
                {"eval_type": "reliability", "input": "q", "expected_tool_calls": [],
                 "expected_tool_call_arguments": {"multiply": 3}}""")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected_tool_call_arguments.multiply");
    }

    @Test
    void a_performance_record_leaves_agnos_memory_keys_out_and_keeps_the_allocated_bytes_under_its_own() throws Exception {
        EvalRunRequest request = EvalRunRequest.builder(EvalType.PERFORMANCE, "go").numIterations(3).build();
        EvalRun run = AgentEvals.using(OFFLINE).run(request, Subject.of(in -> "x".repeat(1000)));
        JsonNode data = EvalJson.MAPPER.readTree(run.toAgno(request).write()).get("eval_data");
        for (String key : List.of("run_times", "avg_run_time", "min_run_time", "max_run_time", "std_dev_run_time",
                "median_run_time", "p95_run_time", "allocated_bytes", "avg_allocated_bytes")) {
            assertThat(data.has(key)).as(key).isTrue();
        }
        // Agno's keys mean the tracemalloc peak of one call in MiB: thread-allocated bytes must not wear that name
        for (String key : List.of("memory_usages", "avg_memory_usage", "min_memory_usage", "max_memory_usage",
                "std_dev_memory_usage", "median_memory_usage", "p95_memory_usage")) {
            assertThat(data.has(key)).as(key).isFalse();
        }
    }

    @Test
    void a_record_with_null_times_as_agnos_accuracy_response_has_reads_back_with_null_times() {
        String agno = "{\"id\":\"f2b2d72f\",\"agent_id\":null,\"model_id\":\"gpt-4o\",\"model_provider\":null,"
                + "\"team_id\":null,\"workflow_id\":null,\"name\":null,\"evaluated_component_name\":null,"
                + "\"eval_type\":\"accuracy\",\"eval_data\":{\"avg_score\":8.0},\"eval_input\":null,"
                + "\"created_at\":null,\"updated_at\":null}";
        AgnoEvalRun record = AgnoEvalRun.read(agno);
        assertThat(record.createdAt()).isNull();
        assertThat(record.updatedAt()).isNull();
        assertThat(record.write()).isEqualTo(agno);
        assertThat(AgnoEvalRun.read(record.write())).isEqualTo(record);
    }

    @Test
    void an_unknown_key_or_a_bad_time_is_refused_naming_it() {
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\",\"eval_data\":{},"
                + "\"created_at\":\"2025-08-27T15:41:59Z\",\"updated_at\":\"2025-08-27T15:41:59Z\",\"score\":1}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unknown field 'score'; the fields allowed"
                        + " here are [agent_id, created_at, eval_data, eval_input, eval_type, evaluated_component_name,"
                        + " id, model_id, model_provider, name, team_id, updated_at, workflow_id]");
        assertThatThrownBy(() -> AgnoEvalRun.read("{\"id\":\"x\",\"eval_type\":\"accuracy\",\"eval_data\":{},"
                + "\"created_at\":\"yesterday\",\"updated_at\":\"2025-08-27T15:41:59Z\"}"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("created_at must be a UTC ISO-8601 time"
                        + " like 2025-08-27T15:41:59Z, but was: string \"yesterday\"");
    }

    /** The seed's eval_data keys with the written values (what the seed would show for this run). */
    private static JsonNode seedData(JsonNode written, JsonNode seed) {
        com.fasterxml.jackson.databind.node.ObjectNode out = EvalJson.MAPPER.createObjectNode();
        written.get("eval_data").fields().forEachRemaining(e -> out.set(e.getKey(), e.getValue()));
        assertThat(out.get("eval_status").asText()).isEqualTo(seed.get("eval_data").get("eval_status").asText());
        assertThat(out.get("passed_tool_calls")).isEqualTo(seed.get("eval_data").get("passed_tool_calls"));
        assertThat(out.get("failed_tool_calls")).isEqualTo(seed.get("eval_data").get("failed_tool_calls"));
        return out;
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        n.fieldNames().forEachRemaining(out::add);
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = AgnoEvalRunTest.class.getResourceAsStream("/agno/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
