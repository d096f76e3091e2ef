package dev.railguard.store;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationStatus;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
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
        Process child = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("java.class.path"), CrashWriterMain.class.getName(), file.toString())
                .redirectError(ProcessBuilder.Redirect.DISCARD).start();
        List<String> acknowledged = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(new InputStreamReader(child.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = out.readLine()) != null && acknowledged.size() < 300) {
                if (line.startsWith("ACK ")) {
                    acknowledged.add(line.substring(4));
                }
            }
            child.destroyForcibly();
            assertThat(child.waitFor(30, TimeUnit.SECONDS)).isTrue();
            // 137 = 128 + SIGKILL: the child did not get to close the store
            assertThat(child.exitValue()).isEqualTo(137);
        }
        assertThat(acknowledged).hasSize(300);

        try (EventStore store = EventStore.open(file)) {
            Set<String> pending = store.pending(EventKind.MONITOR, "mon_crash").stream().map(StoredEvent::eventId)
                    .collect(Collectors.toSet());
            for (String id : acknowledged) {
                StoredEvent e = store.event(id).orElseThrow(() -> new AssertionError(id + " was acknowledged but lost"));
                if (e.status() == EvaluationStatus.COMPLETED) {
                    assertThat(e.metrics()).as(id).hasSize(2);
                    assertThat(pending).doesNotContain(id);
                } else {
                    assertThat(pending).as(id + " is neither completed nor pending").contains(id);
                }
            }
        }
    }
}
