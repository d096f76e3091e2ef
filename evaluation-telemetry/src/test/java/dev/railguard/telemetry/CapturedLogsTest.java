package dev.railguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.engine.EvaluationObserver;
import dev.railguard.event.EventObserver;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.event.Level;

/** The capturing provider is the one SLF4J found; and an observer that throws is logged once at WARN, then DEBUG. */
class CapturedLogsTest {

    @Test
    void slf4j_binds_the_capturing_provider() {
        CapturedLogs.clear();
        LoggerFactory.getLogger("probe").debug("value {}", 42);
        assertThat(CapturedLogs.lines()).extracting(CapturedLogs.Line::toString).contains("DEBUG probe - value 42");
    }

    @Test
    void a_throwing_observer_is_logged_at_warn_once_and_never_breaks_the_caller() {
        CapturedLogs.clear();
        EventObserver broken = new EventObserver() {
            @Override
            public void monitorIntake(String monitor, boolean accepted) {
                throw new IllegalStateException("exporter down");
            }
        };
        int[] heard = new int[1];
        EventObserver counting = new EventObserver() {
            @Override
            public void monitorIntake(String monitor, boolean accepted) {
                heard[0]++;
            }
        };
        EventObserver both = EventObserver.of(List.of(broken, counting));
        both.monitorIntake("m", true);
        both.monitorIntake("m", true);
        assertThat(heard[0]).isEqualTo(2);
        List<CapturedLogs.Line> lines = CapturedLogs.lines().stream()
                .filter(l -> l.message().contains("exporter down")).toList();
        assertThat(lines).extracting(CapturedLogs.Line::level).containsExactly(Level.WARN, Level.DEBUG);
        assertThat(lines.get(0).message()).contains("threw in monitorIntake");
    }

    @Test
    void a_throwing_evaluation_observer_is_logged_by_the_same_rule_under_its_own_logger() {
        CapturedLogs.clear();
        EvaluationObserver broken = new EvaluationObserver() {
            @Override
            public void judgeTrafficBound(JudgeTrafficGauges gauges) {
                throw new IllegalStateException("registry down");
            }
        };
        EvaluationObserver all = EvaluationObserver.of(List.of(broken));
        all.judgeTrafficBound(null);
        all.judgeTrafficBound(null);
        List<CapturedLogs.Line> lines = CapturedLogs.lines().stream()
                .filter(l -> l.message().contains("registry down")).toList();
        assertThat(lines).extracting(CapturedLogs.Line::level).containsExactly(Level.WARN, Level.DEBUG);
        assertThat(lines).extracting(CapturedLogs.Line::logger).containsOnly(EvaluationObserver.class.getName());
        assertThat(lines.get(0).message()).contains("threw in judgeTrafficBound");
    }

    @Test
    void captured_context_runs_the_work_exactly_once_even_when_an_observer_fails_and_hands_back_its_failure() {
        CapturedLogs.clear();
        java.util.concurrent.atomic.AtomicInteger runs = new java.util.concurrent.atomic.AtomicInteger();
        java.util.List<String> order = new java.util.concurrent.CopyOnWriteArrayList<>();
        EventObserver failingCapture = new EventObserver() {
            @Override
            public java.util.concurrent.Executor captureContext() {
                throw new IllegalStateException("no context today");
            }
        };
        EventObserver failingExecutor = new EventObserver() {
            @Override
            public java.util.concurrent.Executor captureContext() {
                return task -> {
                    throw new IllegalStateException("executor broken");
                };
            }
        };
        EventObserver wrapping = new EventObserver() {
            @Override
            public java.util.concurrent.Executor captureContext() {
                return task -> {
                    order.add("before");
                    task.run();
                    order.add("after");
                };
            }
        };
        java.util.concurrent.Executor context = EventObserver.of(List.of(failingCapture, failingExecutor,
                wrapping)).captureContext();
        context.execute(() -> {
            runs.incrementAndGet();
            order.add("work");
        });
        assertThat(runs.get()).isEqualTo(1);
        assertThat(order).containsExactly("before", "work", "after");
        assertThat(CapturedLogs.lines()).extracting(CapturedLogs.Line::message)
                .anyMatch(m -> m.contains("no context today")).anyMatch(m -> m.contains("executor broken"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> context.execute(() -> {
            throw new IllegalArgumentException("bad request");
        })).isInstanceOf(IllegalArgumentException.class).hasMessage("bad request");
    }
}
