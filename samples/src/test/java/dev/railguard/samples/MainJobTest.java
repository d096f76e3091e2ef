package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.batch.BatchSummary;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The main job's code on the bundled dataset: without a judge, and with judges served by the local stub server. */
class MainJobTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Set<String> JUDGED = Set.of("correctness", "completeness", "instruction_adherence",
            "context_adherence", "ground_truth_adherence", "comprehensive_safety");

    @TempDir
    Path dir;

    private final ByteArrayOutputStream console = new ByteArrayOutputStream();

    private BatchSummary run(Map<String, String> env) {
        return MainJob.run(env, MainJob.bundledDataset(dir), dir,
                new PrintStream(console, true, StandardCharsets.UTF_8));
    }

    private List<JsonNode> results() throws IOException {
        List<JsonNode> out = new ArrayList<>();
        for (String l : Files.readAllLines(dir.resolve("results.jsonl"))) {
            out.add(JSON.readTree(l));
        }
        return out;
    }

    private Set<String> idsWhere(List<JsonNode> results, String metric, String verdict) {
        Set<String> ids = new TreeSet<>();
        for (JsonNode r : results) {
            if (verdict.equals(r.path("evaluation_result").path(metric).path("verdict").asText())) {
                ids.add(r.path("id").asText());
            }
        }
        return ids;
    }

    /** The sample's judge: every unit Y, except the answers that invent a 90-day window. */
    static StubReply judge(RecordedRequest request) {
        String metric = request.schemaName().replace("railguard_", "").replace("_units", "");
        if (metric.equals("verdicts")) {
            // ultra_fast: comprehensive_safety is judged on every category in the one shared call
            return StubReply.content("{\"metrics\":[{\"metric\":\"comprehensive_safety\",\"score\":1.0,"
                    + "\"reason\":\"No unsafe category.\"}]}", 400, 60);
        }
        if (!JUDGED.contains(metric)) {
            return StubReply.status(400);
        }
        boolean wrong = request.userText().contains("90 days");   // support-02 and rag-05 invent one
        return StubReply.content(JudgeReplies.units()
                .unit("first unit", "Y", "high", "Supported.")
                .unit("second unit", wrong ? "N" : "Y", "certain", wrong ? "The policy says 30 days." : "Fine.")
                .json(), 400, 60);
    }

    @Test
    void the_bundled_dataset_has_at_least_fifty_events_over_the_six_metrics_and_the_offline_checks() throws IOException {
        List<String> lines = Files.readAllLines(MainJob.bundledDataset(dir));
        Set<String> metrics = new TreeSet<>();
        Set<String> tags = new TreeSet<>();
        for (String l : lines) {
            JsonNode n = JSON.readTree(l);
            n.path("guardrail_metrics").forEach(m -> metrics.add(m.asText()));
            tags.add(n.path("nametag").asText());
        }
        assertThat(lines).hasSizeGreaterThanOrEqualTo(50);
        assertThat(metrics).containsAll(JUDGED).contains("pii", "order_json", "semantic_similarity",
                "no_blame_language", "no_internal_links", "exact_match", "token_f1", "bleu", "chrf", "json_equals",
                "numeric_match");
        assertThat(tags).contains("support", "rag", "code", "safety");
    }

    @Test
    void without_a_judge_the_offline_checks_run_and_judged_metrics_say_how_to_configure_one() throws IOException {
        BatchSummary s = run(Map.of());

        assertThat(s.events()).isEqualTo(60);
        assertThat(s.skippedLines()).singleElement().satisfies(l -> {
            assertThat(l.line()).isEqualTo(26);
            assertThat(l.reason()).isEqualTo("metric 'ground_truth_adherence' requires modelInput.groundTruth, but it"
                    + " was missing or blank");
        });
        assertThat(s.judgeCalls()).isZero();
        List<JsonNode> results = results();
        for (JsonNode r : results) {
            boolean ultraFast = r.path("id").asText().equals("safety-04") || r.path("id").asText().equals("safety-06");
            r.path("evaluation_result").fields().forEachRemaining(e -> {
                if (ultraFast && e.getKey().equals("comprehensive_safety")) {
                    // ultra_fast: safety's PII part runs in process without a judge, and these two leak PII
                    assertThat(e.getValue().path("verdict").asText()).isEqualTo("fail");
                    assertThat(e.getValue().path("rationale").asText()).startsWith("Unsafe: the output exposes PII");
                } else if (JUDGED.contains(e.getKey())) {
                    assertThat(e.getValue().path("verdict").asText()).isEqualTo("skipped");
                    assertThat(e.getValue().path("rationale").asText()).isEqualTo(JudgeEnvironment.HOW_TO_CONFIGURE);
                } else {
                    assertThat(e.getValue().path("verdict").asText()).isIn("pass", "fail");
                }
            });
        }
        assertThat(idsWhere(results, "pii", "fail")).containsExactly("extraction-04", "extraction-06", "safety-04",
                "safety-06", "safety-07", "support-05", "support-12");
        // the reference scores run offline against each event's ground truth
        assertThat(idsWhere(results, "exact_match", "pass")).containsExactly("qa-01");
        assertThat(idsWhere(results, "exact_match", "fail")).containsExactly("qa-02");
        assertThat(idsWhere(results, "token_f1", "fail")).containsExactly("qa-02");
        assertThat(idsWhere(results, "bleu", "pass")).containsExactly("translation-01");
        assertThat(idsWhere(results, "json_equals", "pass")).containsExactly("extraction-07");
        assertThat(idsWhere(results, "numeric_match", "pass")).containsExactly("extraction-08");
        assertThat(idsWhere(results, "order_json", "fail")).containsExactly("extraction-03", "extraction-04",
                "extraction-05", "extraction-06");
        assertThat(idsWhere(results, "no_blame_language", "fail")).containsExactly("support-08");
        assertThat(idsWhere(results, "no_internal_links", "fail")).containsExactly("code-05");
        assertThat(idsWhere(results, "semantic_similarity", "fail")).contains("rag-07", "rag-10");
        assertThat(Files.readString(dir.resolve("report.html"))).contains("Some metrics were skipped.")
                .contains("data-line=\"5\"");
        assertThat(dir.resolve("summary.json")).exists();
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("Judged metrics were SKIPPED. No judge is"
                + " configured. Set RAILGUARD_JUDGE_BASE_URL").contains("report:  file:");
    }

    @Test
    void with_a_judge_configured_the_same_job_judges_every_metric() throws IOException {
        try (StubOpenAiServer server = StubOpenAiServer.start(MainJobTest::judge)) {
            BatchSummary s = run(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(),
                    "RAILGUARD_JUDGE_API_KEY", "test-key"));

            assertThat(s.events()).isEqualTo(60);
            assertThat(s.metrics().values()).allSatisfy(m -> {
                assertThat(m.skipped()).isZero();
                assertThat(m.error()).isZero();
            });
            assertThat(s.judgeCalls()).isEqualTo(server.requestCount()).isGreaterThan(100);
            assertThat(s.inputTokens()).isEqualTo(400L * s.judgeCalls());
            assertThat(s.callsByJudge()).containsOnlyKeys("gpt-4o-mini");
            List<JsonNode> results = results();
            // the two answers that invent a 90-day window
            assertThat(idsWhere(results, "context_adherence", "fail")).containsExactly("rag-05", "support-02");
            JsonNode support02 = results.stream().filter(r -> r.path("id").asText().equals("support-02"))
                    .findFirst().orElseThrow();
            assertThat(support02.path("units").path("context_adherence").get(1).path("reason").asText())
                    .isEqualTo("The policy says 30 days.");
            assertThat(console.toString(StandardCharsets.UTF_8)).doesNotContain("SKIPPED");
            // outputs written by gpt-4o-mini, the only judge: allowed in the demo, never silently
            for (JsonNode r : results) {
                boolean self = r.path("model_used").asText().equals("gpt-4o-mini");
                assertThat(r.path("diagnostics").toString().contains("self-judging: modelUsed 'gpt-4o-mini' judged"
                        + " its own output")).as(r.path("id").asText()).isEqualTo(self);
            }
            assertThat(Files.readString(dir.resolve("report.html"))).doesNotContain("Some metrics were skipped.");
        }
    }

    @Test
    void with_a_store_every_result_is_kept_and_the_failing_ones_are_found_by_a_query() throws Exception {
        Path file = dir.resolve("events.db");
        MainJob.run(Map.of(), MainJob.bundledDataset(dir), dir,
                new PrintStream(console, true, StandardCharsets.UTF_8), file.toString());
        List<JsonNode> results = results();
        try (dev.railguard.store.EventStore store = dev.railguard.store.EventStore.open(file)) {
            dev.railguard.store.EventQuery all = dev.railguard.store.EventQuery.all().withSource("mon_mainjob");
            assertThat(store.counts(all).total()).isEqualTo(results.size());
            Set<String> failingJson = new TreeSet<>();
            for (JsonNode r : results) {
                if ("fail".equals(r.path("evaluation_result").path("order_json").path("verdict").asText())) {
                    failingJson.add(r.path("event_id").asText());
                }
            }
            assertThat(failingJson).isNotEmpty();
            Set<String> found = new TreeSet<>();
            store.events(all.withVerdict("order_json", dev.railguard.api.Verdict.FAIL).withLimit(1000)).events()
                    .forEach(e -> found.add(e.eventId()));
            assertThat(found).isEqualTo(failingJson);
        }
        assertThat(console.toString(StandardCharsets.UTF_8)).contains("stored:  " + results.size() + " events");
    }
}
