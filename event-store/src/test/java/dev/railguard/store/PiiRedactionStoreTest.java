package dev.railguard.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.testkit.ScriptedChatModel;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.workflow.ImprovementToolStatus;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code redactPii(true)}: the event store never holds the raw card number or e-mail address of an event, in any
 * column or file of the database; and FIXIT repairs an output that failed only {@code pii} by redaction, with no
 * generator call.
 */
class PiiRedactionStoreTest {

    private static final String CARD = "4111 1111 1111 1111";
    private static final String EMAIL = "jane.doe@example.com";
    private static final EventInput LEAKY = EventInput.of(ModelInput.builder()
            .userPrompt("My card is " + CARD + ", mail me at " + EMAIL).build(),
            "Charged card " + CARD + "; receipt sent to " + EMAIL + ".");

    @TempDir
    Path dir;

    private String everythingStored() throws IOException {
        StringBuilder sb = new StringBuilder();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.toList()) {
                sb.append(new String(Files.readAllBytes(f), StandardCharsets.ISO_8859_1));
            }
        }
        return sb.toString();
    }

    @Test
    void a_monitor_that_redacts_stores_type_tags_where_the_card_and_email_were() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("events.db"));
                RailguardEvaluator evaluator = RailguardEvaluator.builder().build();
                Monitor monitor = Monitor.builder().id("mon_redact").name("redact").evaluator(evaluator)
                        .metrics("pii").recorder(store.recorder()).redactPii(true).build()) {
            String id = monitor.submit(LEAKY).eventId();
            assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
            store.flush();
            StoredEvent stored = store.event(id).orElseThrow();
            assertThat(stored.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(stored.metrics()).singleElement().satisfies(m -> assertThat(m.verdict()).isEqualTo(Verdict.FAIL));
            assertThat(stored.inputJson()).contains("My card is <CREDIT_CARD>, mail me at <EMAIL_ADDRESS>")
                    .contains("Charged card <CREDIT_CARD>; receipt sent to <EMAIL_ADDRESS>.");
        }
        String raw = everythingStored();
        assertThat(raw).doesNotContain(CARD).doesNotContain(CARD.replace(" ", "")).doesNotContain(EMAIL);
    }

    @Test
    void without_redaction_the_store_holds_them_which_is_what_the_option_is_for() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("events.db"));
                RailguardEvaluator evaluator = RailguardEvaluator.builder().build();
                Monitor monitor = Monitor.builder().id("mon_plain").name("plain").evaluator(evaluator)
                        .metrics("pii").recorder(store.recorder()).build()) {
            String id = monitor.submit(LEAKY).eventId();
            assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
            store.flush();
            assertThat(store.event(id).orElseThrow().inputJson()).contains(CARD);
        }
    }

    @Test
    void fixit_redacts_an_output_that_failed_only_pii_without_calling_the_generator() throws Exception {
        ScriptedChatModel generator = ScriptedChatModel.replying("must not be asked");
        try (EventStore store = EventStore.open(dir.resolve("events.db"));
                RailguardEvaluator evaluator = RailguardEvaluator.builder().build();
                Workflow workflow = Workflow.builder().id("wkfl_redact").name("redact").evaluator(evaluator)
                        .metric("pii", 1.0).improvementAction(ImprovementAction.FIXIT).generator(generator)
                        .recorder(store.recorder()).redactPii(true).build()) {
            WorkflowEvent submitted = workflow.submit(LEAKY.withModelUsed("mistral-small"));
            WorkflowEvent done = workflow.completion(submitted.eventId()).get();
            assertThat(done.improvementToolStatus()).isEqualTo(ImprovementToolStatus.IMPROVED);
            assertThat(done.improvedModelOutput())
                    .isEqualTo("Charged card <CREDIT_CARD>; receipt sent to <EMAIL_ADDRESS>.");
            assertThat(done.evaluationHistory()).hasSize(2);
            assertThat(done.evaluationHistory().get(1).generatorUsage().judgeCalls()).isZero();
            assertThat(generator.requests()).isEmpty();
            store.flush();
        }
        assertThat(everythingStored()).doesNotContain(CARD).doesNotContain(EMAIL);
    }

    @Test
    void redact_pii_without_a_recorder_is_refused() {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().build()) {
            assertThatThrownBy(() -> Monitor.builder().name("x").evaluator(evaluator).metrics("pii").redactPii(true)
                    .build()).isInstanceOf(IllegalArgumentException.class).hasMessage("redactPii needs a recorder: it"
                    + " masks personal data in what the recorder stores; give one with recorder(...)");
        }
    }
}
