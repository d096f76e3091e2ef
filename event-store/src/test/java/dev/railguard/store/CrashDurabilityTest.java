package dev.railguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.monitor.Monitor;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Acknowledged means durable: a child JVM acknowledges events into a SQLite file and is killed with SIGKILL
 * ({@link Process#destroyForcibly()} on Linux) partway; the reopened store has every acknowledged event, each either
 * completed or pending.
 */
class CrashDurabilityTest {

    @TempDir
    Path dir;

    @Test
    void every_event_acknowledged_before_a_sigkill_is_completed_or_pending_after_reopening() throws Exception {
        Path file = dir.resolve("crash.db");
        List<String> acknowledged = runAndKill(CrashWriterMain.class, file, 300);
        assertEveryAcknowledgedEventCompletedOrPending(file, "mon_crash", acknowledged);
    }

    @Test
    void a_monitor_killed_with_sigkill_loses_no_acknowledged_event_and_resume_completes_the_pending_ones()
            throws Exception {
        Path file = dir.resolve("monitor-crash.db");
        List<String> acknowledged = runAndKill(CrashMonitorMain.class, file, 300);
        int pendingBefore = assertEveryAcknowledgedEventCompletedOrPending(file, "mon_crash", acknowledged);
        // 2 in flight at 50 ms each against a feeder that only waits for each commit: most are still queued
        assertThat(pendingBefore).isPositive();

        try (EventStore store = EventStore.open(file);
                RailguardEvaluator evaluator = StoreMonitors.evaluator();
                Monitor monitor = Monitor.builder().id("mon_crash").name("crash").evaluator(evaluator)
                        .metrics("length").recorder(store.recorder()).build()) {
            // the child may have committed events after the last acknowledgement read here: those resume too
            assertThat(monitor.resume()).isGreaterThanOrEqualTo(pendingBefore);
            assertThat(monitor.awaitIdle(Duration.ofSeconds(60))).isTrue();
            store.flush();
            assertThat(store.pending(EventKind.MONITOR, "mon_crash")).isEmpty();
            for (String id : acknowledged) {
                StoredEvent e = store.event(id).orElseThrow();
                assertThat(e.status()).as(id).isEqualTo(EvaluationStatus.COMPLETED);
                assertThat(e.metric("length")).as(id).isPresent();
            }
        }
    }

    private static List<String> runAndKill(Class<?> main, Path file, int acks) throws Exception {
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), main.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < acks) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // 137 = 128 + SIGKILL: the child did not get to close the store
            assertThat(child.exitValue()).isEqualTo(137);
        }
        assertThat(acknowledged).hasSize(acks);
        return acknowledged;
    }

    /** Returns how many of the acknowledged events are pending. */
    private static int assertEveryAcknowledgedEventCompletedOrPending(Path file, String source,
            List<String> acknowledged) {
        try (EventStore store = EventStore.open(file)) {
            Set<String> pending = store.pending(EventKind.MONITOR, source).stream().map(StoredEvent::eventId)
                    .collect(Collectors.toSet());
            for (String id : acknowledged) {
                StoredEvent e = store.event(id).orElseThrow(() -> new AssertionError(id + " was acknowledged but lost"));
                if (e.status() == EvaluationStatus.COMPLETED) {
                    assertThat(e.metrics()).as(id).isNotEmpty();
                    assertThat(pending).doesNotContain(id);
                } else {
                    assertThat(pending).as(id + " is neither completed nor pending").contains(id);
                }
            }
            return (int) acknowledged.stream().filter(pending::contains).count();
        }
    }
}
