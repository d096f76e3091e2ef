package dev.railguard.deeprails;

import dev.railguard.format.DeepRailsResponses;
import dev.railguard.engine.TestMetrics;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.Capability;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every example body of seeds 000 and 001 through the codecs; written responses compared key by key. */
class DeepRailsJsonTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final RailguardEvaluator evaluator = RailguardEvaluator.builder()
            .metrics(MetricRegistry.of(TestMetrics.length(0))).build();

    @AfterEach
    void close() {
        evaluator.close();
    }

    @ParameterizedTest
    @ValueSource(strings = {"000-request.json", "000-request-minimal.json"})
    void a_workflow_event_body_reads_and_its_response_has_the_seed_keys_and_values(String body) throws Exception {
        EventInput input = DeepRailsJson.readWorkflowEvent(resource(body));
        JsonNode request = JSON.readTree(resource(body));
        assertThat(input.modelOutput()).isEqualTo(request.get("model_output").asText());
        assertThat(input.modelUsed()).isEqualTo(request.get("model_used").asText());
        assertThat(input.runMode().wireName()).isEqualTo(request.get("run_mode").asText());
        assertThat(input.modelInput().userPrompt()).isEqualTo(request.get("model_input").get("user_prompt").asText());

        Workflow workflow = Workflow.builder().name("codec").evaluator(evaluator).metric("length", 0.5).build();
        WorkflowEvent submitted = workflow.submit(input);
        JsonNode written = JSON.readTree(DeepRailsJson.workflowEventResponse(submitted));
        sameKeysAndShapes(written, JSON.readTree(resource("000-response.json")));
        assertThat(written.get("status").asText()).isIn("In Progress", "Completed");
        assertThat(written.get("workflow_id").asText()).isEqualTo(workflow.id());

        WorkflowEvent done = workflow.completion(submitted.eventId()).join();
        JsonNode completed = JSON.readTree(DeepRailsJson.workflowEventResponse(done));
        assertThat(completed.get("status").asText()).isEqualTo("Completed");
        assertThat(completed.get("billing_request_id").asText()).isEqualTo(written.get("billing_request_id").asText());
    }

    @ParameterizedTest
    @ValueSource(strings = {"001-request.json", "001-request-full.json"})
    void a_monitor_event_body_reads_and_its_response_has_the_seed_keys_and_values(String body) throws Exception {
        MonitorEventRequest request = DeepRailsJson.readMonitorEvent(resource(body));
        try (Monitor monitor = Monitor.builder().name("codec").evaluator(evaluator).metrics("length")
                .capabilities(request.capabilities().toArray(Capability[]::new)).build()) {
            MonitorEvent submitted = request.submitTo(monitor);
            JsonNode written = JSON.readTree(DeepRailsJson.monitorEventResponse(submitted));
            sameKeysAndShapes(written, JSON.readTree(resource("001-response.json")));
            assertThat(written.get("monitor_id").asText()).isEqualTo(monitor.id());
        }
    }

    @Test
    void the_full_monitor_body_keeps_every_field() throws Exception {
        MonitorEventRequest r = DeepRailsJson.readMonitorEvent(resource("001-request-full.json"));
        ModelInput in = r.input().modelInput();
        assertThat(in.systemPrompt()).isEqualTo("You are a geography tutor.");
        assertThat(in.groundTruth()).isEqualTo("Paris");
        assertThat(in.context()).singleElement().satisfies(m -> {
            assertThat(m.role()).isEqualTo("user");
            assertThat(m.content()).isEqualTo("We are studying Europe.");
        });
        assertThat(r.input().runMode()).isEqualTo(RunMode.PRECISION);
        assertThat(r.input().nametag()).isEqualTo("release-2");
        assertThat(r.input().modelUsed()).isEqualTo("gpt-4o");
        assertThat(r.guardrailMetrics()).containsExactly("length");
        assertThat(r.capabilities()).containsExactly(Capability.CONTEXT_AWARENESS);
        assertThat(r.fileSearch()).isEmpty();
    }

    @Test
    void a_request_body_written_from_an_input_reads_back_to_an_equal_input() {
        EventInput input = new EventInput(ModelInput.builder().systemPrompt("s").userPrompt("u").groundTruth("g")
                .addContext("tutor", "earlier").addDocuments("doc one").extra("locale", "fr").build(), "out",
                "gpt-4o", RunMode.PRECISION_CODEX, "tag");
        assertThat(DeepRailsJson.readWorkflowEvent(DeepRailsJson.requestBody(input))).isEqualTo(input);
    }

    @Test
    void unknown_keys_and_wrong_types_are_refused_naming_the_key() {
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","temperature":0.2}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'temperature'");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q","prompt":"x"},"model_output":"a"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'model_input.prompt'");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":42}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_output must be a string")
                .hasMessageContaining("42");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","web_search":"yes"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("web_search must be a boolean (true or false)");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","guardrail_metrics":["x",1]}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("guardrail_metrics[1]");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q","context":[{"role":"user","content":"c","at":1}]},"model_output":"a"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'model_input.context[0].at'");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","run_mode":"turbo"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("run_mode")
                .hasMessageContaining("'turbo'").hasMessageContaining("precision_max_codex");
        assertThatThrownBy(() -> DeepRailsJson.readWorkflowEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_used is required");
        assertThatThrownBy(() -> DeepRailsJson.readWorkflowEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","model_used":"m","web_search":true}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'web_search'");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                {"model_input":{"ground_truth":"g"},"model_output":"a"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("system_prompt or a user_prompt");
        assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("[1]"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("JSON object");
    }

    @Test
    void a_monitor_body_naming_a_metric_or_capability_the_monitor_lacks_is_refused() {
        MonitorEventRequest r = DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","guardrail_metrics":["correctness"]}""");
        MonitorEventRequest search = DeepRailsJson.readMonitorEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a","web_search":true}""");
        try (Monitor monitor = Monitor.builder().name("codec").evaluator(evaluator).metrics("length").build()) {
            assertThatThrownBy(() -> r.submitTo(monitor)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("guardrail_metrics must be a subset of monitor " + monitor.id() + "'s metrics [length],"
                            + " but 'correctness' is not one of them");
            assertThatThrownBy(() -> search.submitTo(monitor)).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("but web_search is not allowed");
        }
    }

    @Test
    void status_created_at_and_billing_ids_have_the_seed_forms() {
        assertThat(DeepRailsResponses.createdAt(Instant.parse("2025-11-10T01:32:44.591123Z")))
                .isEqualTo("2025-11-10T01:32:44.591Z");
        assertThat(DeepRailsResponses.createdAt(Instant.parse("2025-01-15T10:30:00Z"))).isEqualTo("2025-01-15T10:30:00.000Z");
        assertThat(DeepRailsResponses.billingRequestId("evt_abc123")).isEqualTo("bill_abc123");
        for (dev.railguard.api.EvaluationStatus s : dev.railguard.api.EvaluationStatus.values()) {
            assertThat(DeepRailsResponses.status(s)).isEqualTo(s.isTerminal() ? "Completed" : "In Progress");
        }
    }

    /** Same keys in the same order; per key the same JSON type, the same id prefix, an ISO-8601 UTC time. */
    private static void sameKeysAndShapes(JsonNode written, JsonNode seed) {
        assertThat(names(written)).containsExactlyElementsOf(names(seed));
        for (String key : names(seed)) {
            JsonNode w = written.get(key);
            JsonNode s = seed.get(key);
            assertThat(w.getNodeType()).as(key).isEqualTo(s.getNodeType());
            String sv = s.asText();
            if (key.endsWith("_id")) {
                String prefix = sv.substring(0, sv.indexOf('_') + 1);
                assertThat(w.asText()).as(key).startsWith(prefix).hasSizeGreaterThan(prefix.length());
            } else if (key.equals("created_at")) {
                assertThat(w.asText()).as(key).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d(\\.\\d{3})?Z");
                assertThat(Instant.parse(w.asText())).isBefore(Instant.now().plusSeconds(1));
            } else if (key.equals("status")) {
                assertThat(w.asText()).isIn("In Progress", "Completed");
            }
        }
    }

    private static List<String> names(JsonNode n) {
        List<String> out = new ArrayList<>();
        for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
            out.add(it.next());
        }
        return out;
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = DeepRailsJsonTest.class.getResourceAsStream("/deeprails/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }
}
