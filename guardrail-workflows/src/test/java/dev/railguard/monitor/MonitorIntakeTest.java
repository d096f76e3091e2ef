package dev.railguard.monitor;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The monitor's intake policy, cancellation and closing, with an in-process metric that waits on a latch. */
class MonitorIntakeTest {

    static final ModelInput INPUT = ModelInput.ofUserPrompt("q");

    final CountDownLatch release = new CountDownLatch(1);
    RailguardEvaluator evaluator;

    @BeforeEach
    void start() {
        evaluator = RailguardEvaluator.builder().metrics(MetricRegistry.of(TestMetrics.inProcess("gate", 0.5, r -> {
            try {
                release.await(20, TimeUnit.SECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return 1.0;
        }))).build();
    }

    @AfterEach
    void stop() {
        release.countDown();
        evaluator.close();
    }

    @Test
    void a_full_queue_rejects_with_a_recorded_failed_event_and_nothing_is_lost() throws Exception {
        List<MonitorEvent> heard = new CopyOnWriteArrayList<>();
        try (Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("gate")
                .queueCapacity(2).maxInFlight(1).build()) {
            monitor.addListener(heard::add);
            List<MonitorEvent> submitted = new ArrayList<>();
            for (int i = 0; i < 10; i++) {
                submitted.add(monitor.submit(EventInput.of(INPUT, "out " + i)));
            }
            List<MonitorEvent> rejected = submitted.stream().filter(e -> e.status() == EvaluationStatus.FAILED).toList();
            // at most one in flight, one held by the dispatcher and two queued are accepted
            assertThat(rejected).hasSizeGreaterThanOrEqualTo(6);
            assertThat(rejected.get(0).errorMessage()).isEqualTo("rejected: the intake queue of monitor " + monitor.id()
                    + " was full (capacity 2); policy: reject, recorded as failed");
            assertThat(monitor.stats().rejectedEvaluations()).isEqualTo(rejected.size());
            assertThat(monitor.event(rejected.get(0).eventId())).contains(rejected.get(0));

            release.countDown();
            assertThat(monitor.awaitIdle(Duration.ofSeconds(20))).isTrue();
            MonitorStats stats = monitor.stats();
            assertThat(stats.totalEvaluations()).isEqualTo(10);
            assertThat(stats.completedEvaluations()).isEqualTo(10 - rejected.size());
            assertThat(stats.failedEvaluations()).isEqualTo(rejected.size());
            assertThat(stats.completedEvaluations() + stats.failedEvaluations()).isEqualTo(10);
            assertThat(heard).hasSize(10);
        }
    }

    @Test
    void close_with_cancel_records_queued_and_running_events_as_canceled() {
        List<MonitorEvent> heard = new CopyOnWriteArrayList<>();
        Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("gate").maxInFlight(1).build();
        monitor.addListener(heard::add);
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(monitor.submit(EventInput.of(INPUT, "out " + i)).eventId());
        }

        monitor.close(true);

        assertThat(heard).hasSize(5).allSatisfy(e -> {
            assertThat(e.status()).isEqualTo(EvaluationStatus.CANCELED);
            assertThat(e.errorMessage()).isEqualTo("canceled: the monitor was closed");
        });
        assertThat(monitor.stats().canceledEvaluations()).isEqualTo(5);
        assertThat(monitor.stats().queuedEvaluations()).isZero();
        assertThat(monitor.liveEventCount()).isZero();
        for (String id : ids) {
            assertThat(monitor.event(id)).hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(EvaluationStatus.CANCELED));
        }
    }

    @Test
    void close_without_cancel_finishes_what_is_queued() {
        Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("gate").maxInFlight(2).build();
        for (int i = 0; i < 6; i++) {
            monitor.submit(EventInput.of(INPUT, "out " + i));
        }
        release.countDown();

        monitor.close();

        assertThat(monitor.stats().completedEvaluations()).isEqualTo(6);
        assertThat(monitor.liveEventCount()).isZero();
    }

    @Test
    void a_queued_event_can_be_canceled_and_lookup_shows_each_status() throws Exception {
        try (Monitor monitor = Monitor.builder().name("m").evaluator(evaluator).metrics("gate").maxInFlight(1).build()) {
            MonitorEvent first = monitor.submit(EventInput.of(INPUT, "first"));
            MonitorEvent second = monitor.submit(EventInput.of(INPUT, "second"));
            MonitorEvent third = monitor.submit(EventInput.of(INPUT, "third"));
            assertThat(monitor.event(third.eventId()).orElseThrow().status()).isEqualTo(EvaluationStatus.QUEUED);
            assertThat(monitor.event(third.eventId()).orElseThrow().progress()).isZero();

            assertThat(monitor.cancel(third.eventId())).isTrue();
            assertThat(monitor.cancel(third.eventId())).isFalse();
            assertThat(monitor.event(third.eventId()).orElseThrow().status()).isEqualTo(EvaluationStatus.CANCELED);

            release.countDown();
            assertThat(monitor.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(monitor.event(first.eventId()).orElseThrow().status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(monitor.event(second.eventId()).orElseThrow().status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(monitor.stats()).isEqualTo(new MonitorStats(3, 2, 0, 0, 0, 1, 0));
        }
    }
}
