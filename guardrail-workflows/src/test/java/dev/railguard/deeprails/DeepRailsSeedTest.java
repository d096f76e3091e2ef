package dev.railguard.deeprails;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.Capability;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Seeds 000 and 001 to the letter through the one codec: a monitor body's guardrail_metrics selects the metrics and its
 * capability fields enable capabilities within what the monitor allows; a workflow body must name model_used, may use
 * ultra_fast (a documented extension), and a model_input key beyond the known ones is refused.
 */
class DeepRailsSeedTest {

    private final RailguardEvaluator evaluator = RailguardEvaluator.builder().metrics(MetricRegistry.of(
            TestMetrics.inProcess("alpha", 0.5, r -> 1.0), TestMetrics.inProcess("beta", 0.5, r -> 1.0))).build();

    @AfterEach
    void close() {
        evaluator.close();
    }

    private MonitorEvent submit(Monitor monitor, String body) throws InterruptedException {
        MonitorEvent queued = DeepRailsJson.readMonitorEvent(body).submitTo(monitor);
        assertThat(monitor.awaitIdle(Duration.ofSeconds(10))).isTrue();
        return monitor.event(queued.eventId()).orElseThrow();
    }

    @Test
    void guardrail_metrics_of_a_monitor_body_selects_the_metrics_and_the_seeds_sdk_example_runs_the_monitors()
            throws Exception {
        try (Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("alpha", "beta").build()) {
            MonitorEvent selected = submit(monitor, """
                    {"model_input":{"user_prompt":"q"},"model_output":"a","guardrail_metrics":["beta"]}""");
            assertThat(selected.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(selected.evaluationResult().metrics()).containsOnlyKeys("beta");
            // seed 001's SDK example: model_input, model_output, run_mode, and no guardrail_metrics
            MonitorEvent sdk = submit(monitor, """
                    {"model_input":{"user_prompt":"What is the capital of France?"},"model_output":"Paris",\
                    "run_mode":"fast"}""");
            assertThat(sdk.evaluationResult().metrics()).containsOnlyKeys("alpha", "beta");
        }
    }

    @Test
    void capability_fields_of_a_monitor_body_enable_capabilities_for_that_event_within_the_monitors() {
        try (Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("alpha")
                .capabilities(Capability.CONTEXT_AWARENESS).build()) {
            assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                    {"model_input":{"user_prompt":"q"},"model_output":"a","web_search":true}""").submitTo(monitor))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessage("an event may enable only the capabilities monitor " + monitor.id() + " allows"
                            + " [context_awareness], but web_search is not allowed; allow it with"
                            + " monitor.update(MonitorUpdate.builder().capabilities(...).build())");
            assertThatThrownBy(() -> DeepRailsJson.readMonitorEvent("""
                    {"model_input":{"user_prompt":"q"},"model_output":"a","file_search":["file_a"]}""")
                    .submitTo(monitor))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("but file_search is not allowed");
        }
    }

    @Test
    void a_workflow_body_with_ultra_fast_runs_as_a_documented_extension() {
        EventInput input = DeepRailsJson.readWorkflowEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"an answer","model_used":"gpt-5-mini",\
                "run_mode":"ultra_fast"}""");
        assertThat(input.runMode()).isEqualTo(RunMode.ULTRA_FAST);
        try (Workflow workflow = Workflow.builder().name("w").evaluator(evaluator).metric("alpha", 0.5).build()) {
            WorkflowEvent done = workflow.completion(workflow.submit(input).eventId()).orTimeout(10, TimeUnit.SECONDS)
                    .join();
            assertThat(done.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(done.evaluationResult().metric("alpha").passed()).isTrue();
        }
    }

    @Test
    void a_workflow_body_without_model_used_or_with_an_unknown_model_input_key_is_refused_naming_the_key() {
        assertThatThrownBy(() -> DeepRailsJson.readWorkflowEvent("""
                {"model_input":{"user_prompt":"q"},"model_output":"a"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_used");
        // a misspelt key would evaluate an output without its prompt: refused; custom inputs go under extras
        assertThatThrownBy(() -> DeepRailsJson.readWorkflowEvent("""
                {"model_input":{"user_prompt":"q","user_promt":"q2"},"model_output":"a","model_used":"m"}"""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("model_input.user_promt");
        EventInput extras = DeepRailsJson.readWorkflowEvent("""
                {"model_input":{"user_prompt":"q","extras":{"ticket":"T-1"}},"model_output":"a","model_used":"m"}""");
        assertThat(extras.modelInput().extras()).containsEntry("ticket", "T-1");
    }
}
