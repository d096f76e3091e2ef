package dev.railguard.telemetry;

import static dev.railguard.telemetry.Records.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationResult;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.engine.EvaluationObserver.JudgeTrafficGauges;
import dev.railguard.engine.JudgeCallRecord.Outcome;
import dev.railguard.engine.JudgeStats;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The Micrometer mapping, driven by hand (the engine end to end is in {@code EvaluatorTelemetryTest}). */
class MicrometerObserverTest {

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** The sum of the counters named {@code name} with these tags (whatever their other tags). */
    private double count(String name, String... tags) {
        return registry.get(name).tags(tags).counters().stream().mapToDouble(c -> c.count()).sum();
    }

    @Test
    void evaluations_are_counted_by_metric_verdict_and_run_mode_without_event_ids_or_nametags() {
        MicrometerObserver observer = MicrometerObserver.create(registry);
        for (int i = 0; i < 3; i++) {
            observer.evaluationStarted(start("evt_" + i, request(null, "correctness", "completeness")))
                    .finished(result("evt_" + i, EvaluationStatus.COMPLETED, null, pass("correctness", 0.9),
                            i == 0 ? error("completeness", "judge 'standard' failed") : fail("completeness", 0.2, "x")));
        }
        assertThat(count("railguard.evaluations", "metric", "correctness", "verdict", "pass", "run_mode", "fast"))
                .isEqualTo(3);
        assertThat(count("railguard.evaluations", "metric", "completeness", "verdict", "fail")).isEqualTo(2);
        assertThat(count("railguard.evaluations", "metric", "completeness", "verdict", "error")).isEqualTo(1);
        assertThat(count("railguard.evaluations", "judge", "none")).isEqualTo(6);
        for (Meter m : registry.getMeters()) {
            assertThat(m.getId().getTags()).extracting(t -> t.getKey()).doesNotContain("nametag", "event_id");
            assertThat(m.getId().getTags()).extracting(t -> t.getValue()).noneMatch(v -> v.startsWith("evt_"));
        }
    }

    @Test
    void each_metric_result_is_tagged_with_the_judges_that_judged_it() {
        MicrometerObserver observer = MicrometerObserver.create(registry);
        dev.railguard.api.Usage two = dev.railguard.api.Usage.ofCall("strong", 10, 2, java.time.Duration.ZERO, 0)
                .plus(dev.railguard.api.Usage.ofCall("fast", 10, 2, java.time.Duration.ZERO, 0));
        observer.evaluationStarted(start("evt_1", request(null, "correctness", "completeness"))).finished(result(
                "evt_1", EvaluationStatus.COMPLETED, null, fail("correctness", 0.2, "x").withUsage(two),
                pass("completeness", 0.9).withUsage(dev.railguard.api.Usage.ofCall("fast", 1, 1,
                        java.time.Duration.ZERO, 0))));
        assertThat(count("railguard.evaluations", "metric", "correctness", "verdict", "fail", "judge", "fast+strong"))
                .isEqualTo(1);
        assertThat(count("railguard.evaluations", "metric", "completeness", "judge", "fast")).isEqualTo(1);
    }

    @Test
    void nametags_are_tags_only_when_allowed_and_then_bounded() {
        MicrometerObserver observer = MicrometerObserver.builder(registry).allowNametags(2).build();
        for (String tag : new String[] {"a", "b", "c", "d", "a"}) {
            var request = dev.railguard.api.EvaluationRequest.builder()
                    .modelInput(dev.railguard.api.ModelInput.ofUserPrompt("q")).modelOutput("o")
                    .metrics("correctness").nametag(tag).build();
            observer.evaluationStarted(start("evt_" + tag, request)).finished(new EvaluationResult("evt_" + tag,
                    EvaluationStatus.COMPLETED, Map.of("correctness", pass("correctness", 1.0)),
                    dev.railguard.api.Usage.NONE, dev.railguard.api.RunMode.FAST, tag, T0, T0, null));
        }
        assertThat(count("railguard.evaluations", "nametag", "a")).isEqualTo(2);
        assertThat(count("railguard.evaluations", "nametag", "b")).isEqualTo(1);
        assertThat(count("railguard.evaluations", "nametag", "_other")).isEqualTo(2);
        assertThat(registry.find("railguard.evaluations").counters()).hasSize(3);
    }

    @Test
    void judge_calls_count_by_outcome_and_record_latency_tokens_and_cost_by_judge() {
        MicrometerObserver observer = MicrometerObserver.create(registry);
        observer.judgeCallFinished(call("evt_1", Outcome.OK, false, 0, null));
        observer.judgeCallFinished(call("evt_1", Outcome.RETRIED, false, 1, null));
        observer.judgeCallFinished(call("evt_1", Outcome.FAILED, true, 0, null));
        observer.judgeCallFinished(call("evt_2", Outcome.CACHED, false, 0, null));

        assertThat(count("railguard.judge.calls", "judge", "standard", "outcome", "ok")).isEqualTo(1);
        assertThat(count("railguard.judge.calls", "judge", "standard", "outcome", "retried")).isEqualTo(1);
        assertThat(count("railguard.judge.calls", "judge", "standard", "outcome", "failed")).isEqualTo(1);
        assertThat(count("railguard.judge.calls", "judge", "standard", "outcome", "cached")).isEqualTo(1);
        Timer latency = registry.get("railguard.judge.latency").tag("judge", "standard").timer();
        assertThat(latency.count()).isEqualTo(3);
        assertThat(latency.totalTime(TimeUnit.MILLISECONDS)).isEqualTo(1200.0);
        assertThat(latency.takeSnapshot().percentileValues()).extracting(p -> p.percentile())
                .containsExactly(0.5, 0.95, 0.99);
        assertThat(count("railguard.judge.tokens", "judge", "standard", "type", "input")).isEqualTo(3600);
        assertThat(count("railguard.judge.tokens", "judge", "standard", "type", "output")).isEqualTo(240);
        assertThat(count("railguard.judge.cost", "judge", "standard")).isCloseTo(0.0036, org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void dispatcher_gauges_and_cache_counters_read_the_engine_live() {
        AtomicInteger queued = new AtomicInteger(7);
        AtomicInteger running = new AtomicInteger(3);
        AtomicInteger hits = new AtomicInteger(5);
        MicrometerObserver.create(registry).judgeTrafficBound(new JudgeTrafficGauges() {
            @Override
            public int queuedCalls() {
                return queued.get();
            }

            @Override
            public int inFlightCalls() {
                return running.get();
            }

            @Override
            public JudgeStats stats() {
                return new JudgeStats(0, 0, 0, 0, 0, hits.get(), 2, 1, Map.of());
            }
        });
        System.gc(); // Micrometer holds gauge targets weakly; the observer must keep them alive
        assertThat(registry.get("railguard.judge.queued").gauge().value()).isEqualTo(7);
        assertThat(registry.get("railguard.judge.in_flight").gauge().value()).isEqualTo(3);
        queued.set(0);
        hits.set(9);
        assertThat(registry.get("railguard.judge.queued").gauge().value()).isEqualTo(0);
        assertThat(registry.get("railguard.judge.cache").tag("result", "hit").functionCounter().count()).isEqualTo(9);
        assertThat(registry.get("railguard.judge.cache").tag("result", "miss").functionCounter().count()).isEqualTo(2);
        assertThat(registry.get("railguard.judge.cache").tag("result", "corrupt").functionCounter().count())
                .isEqualTo(1);
    }

    @Test
    void monitor_intake_events_and_a_sliding_pass_rate_per_monitor_and_metric() {
        MicrometerObserver observer = MicrometerObserver.builder(registry).passRateWindow(4).build();
        observer.monitorIntake("checkout", true);
        observer.monitorIntake("checkout", true);
        observer.monitorIntake("checkout", false);
        assertThat(count("railguard.monitor.intake", "monitor", "checkout", "result", "accepted")).isEqualTo(2);
        assertThat(count("railguard.monitor.intake", "monitor", "checkout", "result", "rejected")).isEqualTo(1);

        observer.monitorEventFinished("checkout", EvaluationStatus.FAILED, null);
        for (int i = 0; i < 4; i++) {
            observer.monitorEventFinished("checkout", EvaluationStatus.COMPLETED, result("evt_" + i,
                    EvaluationStatus.COMPLETED, null, pass("correctness", 0.9)));
        }
        assertThat(registry.get("railguard.monitor.pass_rate").tags("monitor", "checkout", "metric", "correctness")
                .gauge().value()).isEqualTo(1.0);
        // the window holds 4: one failure and one error push two passes out
        observer.monitorEventFinished("checkout", EvaluationStatus.COMPLETED, result("evt_f",
                EvaluationStatus.COMPLETED, null, fail("correctness", 0.1, "wrong")));
        observer.monitorEventFinished("checkout", EvaluationStatus.COMPLETED, result("evt_e",
                EvaluationStatus.COMPLETED, null, error("correctness", "judge 'standard' failed")));
        assertThat(registry.get("railguard.monitor.pass_rate").tags("monitor", "checkout", "metric", "correctness")
                .gauge().value()).isEqualTo(0.5);
        assertThat(count("railguard.monitor.events", "monitor", "checkout", "status", "completed")).isEqualTo(6);
        assertThat(count("railguard.monitor.events", "monitor", "checkout", "status", "failed")).isEqualTo(1);
    }

    @Test
    void workflow_events_are_counted_by_status_and_improvement() {
        MicrometerObserver observer = MicrometerObserver.create(registry);
        observer.workflowEventFinished("support", EvaluationStatus.COMPLETED, 3, true);
        observer.workflowEventFinished("support", EvaluationStatus.COMPLETED, 1, false);
        assertThat(count("railguard.workflow.events", "workflow", "support", "improved", "true")).isEqualTo(1);
        assertThat(count("railguard.workflow.events", "workflow", "support", "status", "completed")).isEqualTo(2);
    }

    @Test
    void bad_options_name_the_option_and_the_value() {
        assertThatThrownBy(() -> MicrometerObserver.builder(registry).passRateWindow(0))
                .hasMessage("passRateWindow must be at least 1, but was: 0");
        assertThatThrownBy(() -> MicrometerObserver.builder(registry).allowNametags(0))
                .hasMessage("allowNametags must be at least 1, but was: 0");
    }
}
