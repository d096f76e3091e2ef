package dev.railguard.store;

import dev.railguard.api.EvaluationStatus;
import dev.railguard.api.RunMode;
import dev.railguard.api.Verdict;
import java.time.Instant;
import java.util.List;

/** Events and eval runs for the tests. */
final class StoreFixtures {

    static final Instant T0 = Instant.parse("2026-11-29T08:00:00.123Z");

    private StoreFixtures() {}

    static StoredEvent accepted(String id, String source, Instant created, String nametag) {
        EventKind kind = source.startsWith("mon_") ? EventKind.MONITOR : EventKind.WORKFLOW;
        return StoredEvent.accepted(id, kind, source, nametag, RunMode.FAST, "gpt-4o", created,
                "{\"model_input\":{\"user_prompt\":\"q " + id + "\"},\"model_output\":\"a\"}");
    }

    static StoredEvent completed(StoredEvent e, Verdict correctness, Verdict completeness) {
        return e.finished(EvaluationStatus.COMPLETED, e.createdAt().plusMillis(500), "{\"event_id\":\"" + e.eventId()
                + "\"}", null, List.of(
                        new MetricOutcome("correctness", correctness == Verdict.PASS ? 0.95 : 0.4, 0.9, correctness),
                        new MetricOutcome("completeness", completeness == Verdict.ERROR ? null : 0.85, 0.8,
                                completeness)),
                new BillingRecord("bill_" + e.eventId().substring(4), 2, 0, 1200, 300, 0.0042));
    }

    static StoredEvalRun run(String id, String type, String agent, String model, Instant created) {
        return new StoredEvalRun(id, type, "run " + id, agent, null, null, model, "OpenAI", null,
                "{\"input\":\"What is 2+2?\"}", "{\"eval_status\":\"PASSED\"}", created, created);
    }
}
