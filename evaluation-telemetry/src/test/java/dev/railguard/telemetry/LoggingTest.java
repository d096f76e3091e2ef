package dev.railguard.telemetry;

import static org.assertj.core.api.Assertions.assertThat;

import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.RailguardHttp;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.testkit.FaultInjector;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.event.Level;

/**
 * What the library logs, at which level, captured by the test-only SLF4J provider ({@link CapturedLogs}): a retry at
 * DEBUG, a 429 back-off at INFO with the judge and the delay, a rejected monitor event, a corrupt cache entry and an
 * evaluator closed with work pending at WARN; and never a prompt, an output, a judge reply or a key at INFO or above.
 */
class LoggingTest {

    static final String API_KEY = "sk-logging-test-0123456789abcdef";
    static final String SECRET_PROMPT = "Secret prompt: what is the capital of France?";

    @BeforeEach
    void clear() {
        CapturedLogs.clear();
    }

    static String output(int i) {
        return "Confidential output " + i + ": Paris is the capital of France.";
    }

    static StubReply good(RecordedRequest r) {
        return StubReply.content(JudgeReplies.units().unit("judge reply claim text", "Y", "high",
                "judge reply reason text").json(), 300, 40);
    }

    static OpenAiChatModel model(StubOpenAiServer server) {
        return OpenAiChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware()).baseUrl(server.baseUrl())
                .apiKey(API_KEY).modelName("judge-model").maxRetries(0).timeout(Duration.ofSeconds(10)).build();
    }

    static EvaluationRequest request(int i) {
        return EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt(SECRET_PROMPT + " #" + i))
                .modelOutput(output(i)).metrics("correctness").build();
    }

    private static List<CapturedLogs.Line> at(Level level, String... fragments) {
        return CapturedLogs.lines().stream().filter(l -> l.level() == level)
                .filter(l -> Stream.of(fragments).allMatch(l.message()::contains)).toList();
    }

    private static void assertNothingSensitiveAtInfoOrAbove() {
        List<CapturedLogs.Line> loud = CapturedLogs.lines().stream()
                .filter(l -> l.level().toInt() >= Level.INFO.toInt()).toList();
        assertThat(loud).allSatisfy(l -> assertThat(l.toString())
                .doesNotContain("Secret prompt").doesNotContain("Confidential output")
                .doesNotContain("judge reply").doesNotContain(API_KEY).doesNotContain("sk-logging"));
    }

    @Test
    void a_fault_run_logs_retries_at_debug_and_429_back_offs_at_info_with_judge_and_delay() {
        FaultInjector faults = FaultInjector.around(LoggingTest::good).rateLimited(0.4, Duration.ofSeconds(1))
                .serverErrors(0.3).malformed(0.2).seed(7);
        try (StubOpenAiServer server = StubOpenAiServer.start(faults);
                RailguardEvaluator evaluator = RailguardEvaluator.builder()
                        .judges(JudgePanel.single("judge", model(server)))
                        .retryBackoff(Duration.ofMillis(5), Duration.ofMillis(20)).build()) {
            List<CompletableFuture<?>> all = new ArrayList<>();
            for (int i = 0; i < 20; i++) {
                all.add(evaluator.submit(request(i)).result());
            }
            CompletableFuture.allOf(all.toArray(CompletableFuture[]::new)).join();
        }
        assertThat(faults.injected(FaultInjector.Fault.RATE_LIMITED)).isPositive();
        assertThat(faults.injected(FaultInjector.Fault.SERVER_ERROR)).isPositive();

        List<CapturedLogs.Line> backOffs = at(Level.INFO, "judge 'judge'", "429", "ms");
        assertThat(backOffs).hasSize((int) faults.injected(FaultInjector.Fault.RATE_LIMITED));
        assertThat(backOffs.get(0).message()).matches(".*backing off (1\\d\\d\\d) ms.*");
        // a 500 and a reply broken in transport (malformed) are both retried at debug, each naming its cause
        assertThat(at(Level.DEBUG, "judge 'judge'", "failed (", "retry")).hasSize(
                (int) faults.injected(FaultInjector.Fault.SERVER_ERROR));
        assertThat(at(Level.DEBUG, "judge 'judge'", "replied broken in transport", "retry")).hasSize(
                (int) faults.injected(FaultInjector.Fault.MALFORMED));
        assertNothingSensitiveAtInfoOrAbove();
    }

    @Test
    void a_corrupt_cache_entry_is_a_warning_and_is_recomputed(@TempDir Path dir) throws IOException {
        try (StubOpenAiServer server = StubOpenAiServer.start(LoggingTest::good)) {
            try (RailguardEvaluator first = RailguardEvaluator.builder().judges(JudgePanel.single("judge",
                    model(server))).cacheDirectory(dir).build()) {
                first.evaluate(request(1));
            }
            List<Path> files;
            try (Stream<Path> walk = Files.walk(dir)) {
                files = walk.filter(p -> p.toString().endsWith(".json")).toList();
            }
            assertThat(files).hasSize(1);
            Files.writeString(files.get(0), "railguard-judge-cache v1 9999 00\n{\"cut\":");
            try (RailguardEvaluator second = RailguardEvaluator.builder().judges(JudgePanel.single("judge",
                    model(server))).cacheDirectory(dir).build()) {
                second.evaluate(request(1));
            }
            assertThat(server.requestCount()).isEqualTo(2);
        }
        assertThat(at(Level.WARN, "cache")).hasSize(1);
        assertNothingSensitiveAtInfoOrAbove();
    }

    @Test
    void a_rejected_monitor_event_and_an_evaluator_closed_with_work_pending_are_warnings() throws Exception {
        // Replies are held until the end, so the monitor's slot stays taken and the last evaluation is still pending
        // when the evaluator closes, however slow the machine: with a 500 ms delay a stalled test thread saw it done.
        CountDownLatch answer = new CountDownLatch(1);
        try (StubOpenAiServer server = StubOpenAiServer.start(r -> {
            try {
                answer.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return good(r);
        })) {
            RailguardEvaluator evaluator = RailguardEvaluator.builder().judges(JudgePanel.single("judge",
                    model(server))).build();
            Monitor monitor = Monitor.builder().name("support bot").evaluator(evaluator).metrics("correctness")
                    .queueCapacity(1).maxInFlight(1).build();
            List<MonitorEvent> events = new ArrayList<>();
            for (int i = 0; i < 5; i++) {
                events.add(monitor.submit(EventInput.of(ModelInput.ofUserPrompt(SECRET_PROMPT), output(i))));
            }
            assertThat(events).anySatisfy(e -> assertThat(e.status()).isEqualTo(EvaluationStatus.FAILED));
            monitor.close(true);

            int before = server.requestCount();
            EvaluationHandle pending = evaluator.submit(request(9));
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
            while (server.requestCount() == before && System.nanoTime() < deadline) {
                Thread.sleep(5);
            }
            assertThat(server.requestCount()).as("the pending evaluation's call reached the judge").isGreaterThan(before);
            evaluator.close();
            assertThat(pending.result().join().status()).isEqualTo(EvaluationStatus.CANCELED);
        } finally {
            answer.countDown();
        }
        assertThat(at(Level.WARN, "monitor", "support bot", "rejected")).isNotEmpty();
        assertThat(at(Level.WARN, "closed", "1 evaluation")).hasSize(1);
        assertNothingSensitiveAtInfoOrAbove();
    }
}
