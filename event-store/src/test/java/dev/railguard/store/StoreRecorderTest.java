package dev.railguard.store;

import dev.railguard.format.DeepRailsResponses;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import dev.railguard.deeprails.DeepRailsJson;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.event.EventInput;
import dev.railguard.monitor.Monitor;
import dev.railguard.monitor.MonitorEvent;
import dev.railguard.workflow.ImprovementAction;
import dev.railguard.workflow.Workflow;
import dev.railguard.workflow.WorkflowEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Workflows and monitors writing to a store through {@link EventStore#recorder()}, and resuming from it. */
class StoreRecorderTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    private final RailguardEvaluator evaluator = StoreMonitors.evaluator();

    @AfterEach
    void close() {
        evaluator.close();
    }

    private static EventInput input(String output, String tag) {
        return EventInput.of(ModelInput.builder().systemPrompt("Be brief.").userPrompt("Say something.")
                .addContext("user", "hello").build(), output).withModelUsed("gpt-4o").withNametag(tag);
    }

    @Test
    void monitor_events_are_stored_with_verdicts_request_body_detail_and_billing() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("m.db"))) {
            List<String> ids;
            String monitorId;
            try (Monitor monitor = Monitor.builder().name("stored").evaluator(evaluator).metrics("length")
                    .recorder(store.recorder()).build()) {
                monitorId = monitor.id();
                MonitorEvent short1 = monitor.submit(input("abc", "prod"));
                // acknowledged means stored: the event is there before its evaluation is known
                assertThat(store.event(short1.eventId())).isPresent();
                MonitorEvent long1 = monitor.submit(input("abcdefghijkl", "prod"));
                MonitorEvent long2 = monitor.submit(input("abcdefghijkl", "staging"));
                assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
                ids = List.of(short1.eventId(), long1.eventId(), long2.eventId());
            }
            store.flush();

            assertThat(EventStoreContract.ids(store, EventQuery.all().withSource(monitorId))).hasSize(3)
                    .containsExactlyInAnyOrderElementsOf(ids);
            assertThat(EventStoreContract.ids(store, EventQuery.all().withVerdict("length", Verdict.FAIL)))
                    .containsExactly(ids.get(0));
            EventCounts counts = store.counts(EventQuery.all().withKind(EventKind.MONITOR));
            assertThat(counts.status(EvaluationStatus.COMPLETED)).isEqualTo(3);
            assertThat(counts.verdict("length", Verdict.PASS)).isEqualTo(2);

            StoredEvent stored = store.event(ids.get(0)).orElseThrow();
            assertThat(stored.kind()).isEqualTo(EventKind.MONITOR);
            assertThat(stored.nametag()).isEqualTo("prod");
            assertThat(stored.modelUsed()).isEqualTo("gpt-4o");
            assertThat(stored.metric("length").orElseThrow().score()).isEqualTo(0.3);
            assertThat(DeepRailsJson.readEventInput(stored.inputJson())).isEqualTo(input("abc", "prod"));
            assertThat(JSON.readTree(stored.detailJson()).get("event_id").asText()).isEqualTo(ids.get(0));
            assertThat(stored.billing().billingRequestId()).isEqualTo(DeepRailsResponses.billingRequestId(ids.get(0)));
            assertThat(store.billing(stored.billing().billingRequestId())).contains(stored.billing());
        }
    }

    @Test
    void workflow_events_are_stored_with_their_evaluation_history() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("w.db"))) {
            Workflow workflow = Workflow.builder().name("stored").evaluator(evaluator).metric("length", 0.5)
                    .improvementAction(ImprovementAction.DO_NOTHING).recorder(store.recorder()).build();
            WorkflowEvent submitted = workflow.submit(input("abc", "prod"));
            WorkflowEvent done = workflow.completion(submitted.eventId()).join();
            workflow.close();
            store.flush();

            StoredEvent stored = store.event(done.eventId()).orElseThrow();
            assertThat(stored.kind()).isEqualTo(EventKind.WORKFLOW);
            assertThat(stored.sourceId()).isEqualTo(workflow.id());
            assertThat(stored.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(stored.metric("length").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(JSON.readTree(stored.detailJson()).get("evaluation_history")).hasSize(1);
            assertThat(JSON.readTree(stored.detailJson()).get("improvement_tool_status").asText())
                    .isEqualTo("improvement_required");
        }
    }

    @Test
    void resume_evaluates_the_pending_events_again_and_fails_an_unreadable_one_with_the_reason() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("r.db"))) {
            Instant t = Instant.parse("2026-11-29T10:00:00Z");
            for (String id : List.of("evt_p1", "evt_p2")) {
                store.accept(StoredEvent.accepted(id, EventKind.MONITOR, "mon_resumed", "night", RunMode.FAST, null, t,
                        DeepRailsJson.requestBody(input(id.equals("evt_p1") ? "abc" : "abcdefghijkl", "night"))));
            }
            store.accept(StoredEvent.accepted("evt_bad", EventKind.MONITOR, "mon_resumed", null, RunMode.FAST, null, t,
                    "{\"model_output\":\"no input\"}"));
            store.accept(StoredEvent.accepted("evt_other", EventKind.MONITOR, "mon_other", null, RunMode.FAST, null,
                    t, DeepRailsJson.requestBody(input("abc", null))));

            try (Monitor monitor = Monitor.builder().id("mon_resumed").name("resumed").evaluator(evaluator)
                    .metrics("length").recorder(store.recorder()).build()) {
                assertThat(monitor.resume()).isEqualTo(2);
                assertThat(monitor.awaitIdle(Duration.ofSeconds(30))).isTrue();
                assertThat(monitor.event("evt_p2").orElseThrow().createdAt()).isEqualTo(t);
            }
            store.flush();

            assertThat(store.pending(EventKind.MONITOR, "mon_resumed")).isEmpty();
            StoredEvent p1 = store.event("evt_p1").orElseThrow();
            assertThat(p1.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(p1.metric("length").orElseThrow().verdict()).isEqualTo(Verdict.FAIL);
            assertThat(store.event("evt_p2").orElseThrow().metric("length").orElseThrow().verdict())
                    .isEqualTo(Verdict.PASS);
            StoredEvent bad = store.event("evt_bad").orElseThrow();
            assertThat(bad.status()).isEqualTo(EvaluationStatus.FAILED);
            assertThat(bad.errorMessage()).contains("could not resume").contains("model_input");
            assertThat(store.event("evt_other").orElseThrow().pending()).isTrue();
        }
    }

    @Test
    void a_workflow_resumes_its_pending_events_from_the_initial_evaluation() throws Exception {
        try (EventStore store = EventStore.open(dir.resolve("wr.db"))) {
            Instant t = Instant.parse("2026-11-29T10:00:00Z");
            store.accept(StoredEvent.accepted("evt_w1", EventKind.WORKFLOW, "wkfl_resumed", "night", RunMode.FAST,
                    "gpt-4o", t, DeepRailsJson.requestBody(input("abcdefghijkl", "night"))));
            Workflow workflow = Workflow.builder().id("wkfl_resumed").name("resumed").evaluator(evaluator)
                    .metric("length", 0.5).recorder(store.recorder()).build();
            assertThat(workflow.resume()).isEqualTo(1);
            WorkflowEvent done = workflow.completion("evt_w1").join();
            workflow.close();
            store.flush();

            assertThat(done.createdAt()).isEqualTo(t);
            assertThat(done.passed()).isTrue();
            StoredEvent stored = store.event("evt_w1").orElseThrow();
            assertThat(stored.status()).isEqualTo(EvaluationStatus.COMPLETED);
            assertThat(stored.metric("length").orElseThrow().verdict()).isEqualTo(Verdict.PASS);
            assertThat(store.pending(EventKind.WORKFLOW, "wkfl_resumed")).isEmpty();
        }
    }

    @Test
    void an_event_the_store_cannot_take_is_not_acknowledged() {
        EventStore store = EventStore.open(dir.resolve("closed.db"));
        try (Monitor monitor = Monitor.builder().name("refused").evaluator(evaluator).metrics("length")
                .recorder(store.recorder()).build()) {
            store.close();
            assertThatThrownBy(() -> monitor.submit(input("abc", null))).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("closed");
            assertThat(monitor.stats().totalEvaluations()).isZero();
        }
    }

    @Test
    void resume_without_a_recorder_says_how_to_give_one() {
        try (Monitor monitor = Monitor.builder().name("plain").evaluator(evaluator).metrics("length").build()) {
            assertThatThrownBy(monitor::resume).isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("recorder(");
        }
        assertThatThrownBy(() -> Monitor.builder().id("monitor-1")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'monitor-1'");
    }
}
