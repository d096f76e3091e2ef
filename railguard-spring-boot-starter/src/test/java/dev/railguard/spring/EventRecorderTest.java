package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.ModelInput;
import dev.railguard.event.EventInput;
import dev.railguard.event.EventRecord;
import dev.railguard.event.EventRecorder;
import dev.railguard.event.EventSource;
import dev.railguard.monitor.Monitor;
import dev.railguard.testkit.ScriptedChatModel;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Monitor beans record through the application's EventRecorder and resume what a dead process left. */
class EventRecorderTest {

    /** Keeps what was accepted; forgets endings while {@code crashed}, as a process that died before them. */
    static final class MemoryRecorder implements EventRecorder {
        final Map<String, EventRecord> open = new ConcurrentHashMap<>();
        final Map<String, EventRecord> finished = new ConcurrentHashMap<>();
        volatile boolean crashed;

        @Override
        public void accepted(EventRecord event) {
            open.put(event.eventId(), event);
        }

        @Override
        public void updated(EventRecord event) {
            if (!crashed && event.status().isTerminal()) {
                open.remove(event.eventId());
                finished.put(event.eventId(), event);
            }
        }

        @Override
        public List<EventRecord> pending(EventSource source, String sourceId) {
            return open.values().stream().filter(e -> e.source() == source && e.sourceId().equals(sourceId)).toList();
        }
    }

    final MemoryRecorder recorder = new MemoryRecorder();

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RailguardAutoConfiguration.class))
            .withBean("judgeModel", ScriptedChatModel.class,
                    () -> ScriptedChatModel.answering(r -> Judging.reply(ScriptedChatModel.userText(r))))
            .withBean(EventRecorder.class, () -> recorder)
            .withPropertyValues("railguard.monitors.bot.metrics=correctness", "railguard.monitors.bot.id=mon_support_bot");

    static void submit(Monitor monitor) throws InterruptedException {
        monitor.submit(EventInput.of(ModelInput.ofUserPrompt(Judging.QUESTION), Judging.RIGHT));
        assertThat(monitor.awaitIdle(Duration.ofSeconds(20))).isTrue();
    }

    @Test
    void an_event_left_unfinished_by_one_run_is_evaluated_again_by_the_next() {
        recorder.crashed = true;
        runner.run(context -> {
            Monitor monitor = context.getBean("bot", Monitor.class);
            assertThat(monitor.id()).isEqualTo("mon_support_bot");
            submit(monitor);
        });
        assertThat(recorder.open).hasSize(1);
        String eventId = recorder.open.keySet().iterator().next();

        recorder.crashed = false;
        runner.withPropertyValues("railguard.monitors.bot.resume-on-start=true").run(context -> {
            Monitor monitor = context.getBean("bot", Monitor.class);
            assertThat(monitor.awaitIdle(Duration.ofSeconds(20))).isTrue();
            assertThat(monitor.stats().completedEvaluations()).isEqualTo(1);
        });
        assertThat(recorder.open).isEmpty();
        assertThat(recorder.finished).containsOnlyKeys(eventId);
        assertThat(recorder.finished.get(eventId).result().passed()).isTrue();
    }
}
