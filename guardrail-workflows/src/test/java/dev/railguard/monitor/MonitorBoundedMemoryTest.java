package dev.railguard.monitor;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.TestMetrics;
import dev.railguard.event.EventInput;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.ModelInput;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** 100,000 events through an in-process metric: what the monitor retains stays bounded. */
class MonitorBoundedMemoryTest {

    static final int EVENTS = 100_000;

    @Test
    void retained_state_stays_bounded_however_many_events_pass() throws Exception {
        RailguardEvaluator evaluator = RailguardEvaluator.builder().maxConcurrentJudgeCalls(2)
                .metrics(MetricRegistry.of(TestMetrics.inProcess("length", 0.5,
                        r -> (r.modelOutput().length() % 10) / 10.0)))
                .build();
        ModelInput input = ModelInput.ofUserPrompt("q");
        long heapBefore = usedHeapAfterGc();
        try (Monitor monitor = Monitor.builder().name("load").evaluator(evaluator).metrics("length")
                .queueCapacity(4096).maxInFlight(64).retainedEvents(500).maxNametags(20).build()) {
            for (int i = 0; i < EVENTS; i++) {
                while (i % 500 == 0 && monitor.stats().queuedEvaluations() > 2000) {
                    Thread.sleep(1);
                }
                monitor.submit(EventInput.of(input, "x".repeat(i % 37)).withNametag("tag-" + (i % 50)));
                if (i % 10_000 == 0) {
                    assertThat(monitor.liveEventCount()).isLessThanOrEqualTo(4096 + 64 + 1);
                    assertThat(monitor.retainedEventCount()).isLessThanOrEqualTo(500);
                }
            }
            assertThat(monitor.awaitIdle(Duration.ofSeconds(60))).isTrue();

            MonitorStats stats = monitor.stats();
            assertThat(stats.totalEvaluations()).isEqualTo(EVENTS);
            assertThat(stats.completedEvaluations()).isEqualTo(EVENTS);
            assertThat(stats.rejectedEvaluations()).isZero();
            // structural bounds: a ring of recent events, no per-event map growth, bounded tag buckets
            assertThat(monitor.retainedEventCount()).isEqualTo(500);
            assertThat(monitor.liveEventCount()).isZero();
            assertThat(monitor.nametagBucketCount()).isEqualTo(21); // 20 tags + "(other)"
            assertThat(monitor.nametags().get("(other)").total()).isEqualTo(EVENTS / 50 * 30);
            MetricDistribution d = monitor.distribution("length");
            assertThat(d.evaluated()).isEqualTo(EVENTS);
            assertThat(d.histogram().stream().mapToLong(Long::longValue).sum()).isEqualTo(EVENTS);
            long heapAfter = usedHeapAfterGc();
            System.out.printf("monitor: %d events, heap used before %d MB, after %d MB%n", EVENTS,
                    heapBefore >> 20, heapAfter >> 20);
            // sanity bound only: 100k retained events would take far more than this
            assertThat(heapAfter - heapBefore).isLessThan(64L << 20);
        } finally {
            evaluator.close();
        }
    }

    private static long usedHeapAfterGc() throws InterruptedException {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 3; i++) {
            System.gc();
            Thread.sleep(50);
        }
        return rt.totalMemory() - rt.freeMemory();
    }
}
