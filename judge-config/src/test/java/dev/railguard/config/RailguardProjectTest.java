package dev.railguard.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.GuardrailMetric;
import dev.railguard.api.InputRequirement;
import dev.railguard.api.ModelInput;
import dev.railguard.api.RunMode;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchSummary;
import dev.railguard.batch.MappedInput;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import dev.railguard.engine.batchapi.BatchApi;
import dev.railguard.metrics.CriteriaMetric;
import dev.railguard.metrics.OfflineCheck;
import dev.railguard.metrics.PiiFinding;
import dev.railguard.metrics.PiiMetric;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RailguardProjectTest {

    @TempDir
    Path dir;

    private static final String UNIT = JudgeReplies.units().unit("4", "Y", "high", "right").json();
    private static final PrintStream QUIET = new PrintStream(OutputStream.nullOutputStream());

    private Path write(String yaml) throws IOException {
        Files.writeString(dir.resolve("qa.csv"), """
                id,question,answer,expected
                q1,What is 2+2?,4,4
                q2,"Name a prime, please","7, which is prime",7
                q3,What is the capital of France?,,Paris
                q4,too,many,cells,here
                """);
        Files.writeString(dir.resolve("order.schema.json"), "{\"type\":\"object\",\"required\":[\"sku\"]}");
        return Files.writeString(dir.resolve("railguard.yaml"), yaml);
    }

    private static final String FILE = """
            version: 1
            judges:
              - name: local
                provider: openai
                model: gpt-4o
                base_url: ${JUDGE_URL}
                tiers: [fast, standard]
                limits: {concurrency: 2, requests_per_minute: 600}
                prices: {input: 2.5, output: 10}
            run_mode: fast
            self_judging: allow_with_warning
            cache_dir: .railguard-cache
            metrics:
              correctness: {threshold: 0.9}
              order_json: {kind: json_schema, schema_file: order.schema.json}
              inline_json: {kind: json_schema, schema: {type: object}}
              no_blame: {kind: contains, none: ["your fault"]}
              no_links: {kind: regex, must_not_match: "\\\\bhttps?://"}
              emails: {kind: pii, types: [email_address]}
            datasets:
              - name: qa
                path: qa.csv
                columns: {id: id, user_prompt: question, model_output: answer, ground_truth: expected}
                metrics: [correctness, no_links]
            gates:
              fail_under: {correctness: 0.9}
              max_skipped: 1
            output: {dir: out, title: QA}
            """;

    @Test
    void a_complete_file_gives_judges_metrics_datasets_gates_and_settings() throws IOException {
        Path file = write(FILE);
        RailguardProject p = RailguardProject.load(file, Map.of("JUDGE_URL", "http://127.0.0.1:9/v1"),
                new Properties());
        assertThat(p.declaresJudges()).isTrue();
        assertThat(p.panel().orElseThrow().judges(JudgeTier.FAST)).extracting(j -> j.name()).containsExactly("local");
        assertThat(p.panel().orElseThrow().judges(JudgeTier.STRONG)).isEmpty();
        assertThat(p.prices().cost("gpt-4o", 1_000_000, 0)).isEqualTo(2.5);
        assertThat(p.declaredMetrics()).containsExactly("correctness", "order_json", "inline_json", "no_blame",
                "no_links", "emails");
        assertThat(p.metrics().names()).contains("order_json", "pii", "correctness");
        assertThat(p.thresholds()).containsExactly(Map.entry("correctness", 0.9));
        assertThat(p.runMode()).contains(RunMode.FAST);
        assertThat(p.selfJudging()).isEqualTo(SelfJudging.ALLOW_WITH_WARNING);
        assertThat(p.cacheDirectory()).contains(dir.toAbsolutePath().resolve(".railguard-cache").normalize());
        assertThat(p.outputDirectory()).contains(dir.toAbsolutePath().resolve("out").normalize());
        assertThat(p.reportTitle()).contains("QA");
        assertThat(p.gates().failUnder()).containsEntry("correctness", 0.9);
        assertThat(p.gates().maxSkipped()).hasValue(1);
        ProjectDataset qa = p.dataset("qa");
        assertThat(qa.format()).isEqualTo(MappedInput.Format.CSV);
        assertThat(qa.metrics()).containsExactly("correctness", "no_links");
        EvaluationRequest r = p.withThresholds(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q"))
                .modelOutput("a").metrics("correctness", "pii").build());
        assertThat(r.thresholds()).containsExactly(Map.entry("correctness", 0.9));
    }

    @Test
    void a_csv_dataset_evaluates_against_a_local_judge_row_by_row_and_a_row_without_output_is_skipped_by_line()
            throws IOException {
        try (StubOpenAiServer server = StubOpenAiServer.start(req -> StubReply.content(UNIT))) {
            Path file = write(FILE.replace("cache_dir: .railguard-cache\n", ""));
            RailguardProject p = RailguardProject.load(file, Map.of("JUDGE_URL", server.baseUrl()), new Properties());
            BatchSummary s;
            try (RailguardEvaluator evaluator = p.evaluator()) {
                s = p.dataset("qa").applyTo(BatchEvaluator.builder()).evaluator(evaluator)
                        .output(dir.resolve("out/results.jsonl")).log(QUIET).progress(BatchEvaluator.Progress.QUIET)
                        .build().run();
            }
            assertThat(s.events()).isEqualTo(2);
            assertThat(s.metrics().get("correctness").pass()).isEqualTo(2);
            assertThat(s.metrics().get("no_links").pass()).isEqualTo(2);
            assertThat(s.skippedLines()).containsExactly(new BatchSummary.SkippedLine(4,
                    "the output column 'answer' is missing or empty"), new BatchSummary.SkippedLine(5,
                    "the row cannot be read as CSV: Too many entries: expected at most 4 (value #4 (4 chars)"
                            + " \"here\")"));
            assertThat(server.requests()).hasSize(2);
            assertThat(server.requests()).anySatisfy(r -> assertThat(r.userText()).contains("What is 2+2?"))
                    .anySatisfy(r -> assertThat(r.userText()).contains("Name a prime, please"));
        }
    }

    @Test
    void criteria_reference_and_pii_declarations_carry_their_options_and_judge_aliases_reach_the_panel()
            throws IOException {
        Path file = write("""
                judges:
                  - provider: ollama
                    model: gpt-4o
                    aliases: [prod-chat]
                metrics:
                  polite:
                    kind: criteria
                    criteria: Polite, and ends with a concrete next step.
                    scale: [Rude or no next step., Polite but vague., Polite with a concrete next step.]
                    unit: sentence
                    inputs: [prompt, documents]
                    threshold: 0.8
                    evaluation_steps: [Read the reply., Check for a next step.]
                  verdict_chrf: {kind: chrf, char_order: 4, word_order: 2, beta: 1, threshold: 0.5}
                  same_words: {kind: levenshtein, ignore_case: true}
                  amount: {kind: numeric_match, relative_tolerance: 0.01, absolute_tolerance: 0.5}
                  phones: {kind: pii, types: [phone_number], phone_regions: [IL], min_score: 0.5}
                """);
        RailguardProject p = RailguardProject.load(file, Map.of(), new Properties());
        assertThat(p.panel().orElseThrow().aliases()).containsEntry("prod-chat", "gpt-4o");
        CriteriaMetric polite = (CriteriaMetric) p.metrics().find("polite").orElseThrow();
        assertThat(polite.criteria()).isEqualTo("Polite, and ends with a concrete next step.");
        assertThat(polite.bands()).hasSize(3).first().isEqualTo("Rude or no next step.");
        assertThat(polite.unitKind().name()).startsWith("sentence");
        assertThat(polite.requires()).contains(InputRequirement.DOCUMENTS);
        assertThat(polite.defaultThreshold()).isEqualTo(0.8);
        assertThat(polite.evaluationSteps()).containsExactly("Read the reply.", "Check for a next step.");
        GuardrailMetric chrf = p.metrics().find("verdict_chrf").orElseThrow();
        assertThat(chrf.description()).contains("char order 4, word order 2, beta 1.0");
        assertThat(chrf.defaultThreshold()).isEqualTo(0.5);
        assertThat(p.metrics().find("amount").orElseThrow().description()).contains("relative 0.01, absolute 0.5");
        EvaluationRequest paris = EvaluationRequest.builder().modelInput(ModelInput.builder().userPrompt("Capital?")
                .groundTruth("paris").build()).modelOutput("PARIS").metrics("same_words").build();
        OfflineCheck sameWords = (OfflineCheck) p.metrics().find("same_words").orElseThrow();
        assertThat(sameWords.evaluate(paris, 0.9).score()).hasValue(1.0);
        PiiMetric phones = (PiiMetric) p.metrics().find("phones").orElseThrow();
        assertThat(phones.types()).containsExactly(PiiFinding.Type.PHONE_NUMBER);
        assertThat(phones.minScore()).isEqualTo(0.5);
    }

    @Test
    void without_a_judges_section_the_environment_gives_the_judges_and_with_one_it_is_not_read() throws IOException {
        Map<String, String> env = Map.of("RAILGUARD_JUDGE_BASE_URL", "http://127.0.0.1:9/v1",
                "RAILGUARD_JUDGE_MODEL", "from-env");
        Path bare = Files.writeString(dir.resolve("bare.yaml"), "run_mode: fast\n");
        assertThat(RailguardProject.load(bare, env, new Properties()).panel().orElseThrow().all())
                .extracting(j -> j.name()).containsExactly("from-env");
        Path declared = Files.writeString(dir.resolve("declared.yaml"), "judges:\n  - provider: ollama\n"
                + "    model: llama3.1\n");
        assertThat(RailguardProject.load(declared, env, new Properties()).panel().orElseThrow().all())
                .extracting(j -> j.name()).containsExactly("llama3.1");
        assertThat(RailguardProject.load(bare, Map.of(), new Properties()).panel()).isEmpty();
    }

    @Test
    void batch_api_sends_a_datasets_calls_in_one_batch_at_the_judges_endpoint_with_the_files_options()
            throws IOException {
        try (StubBatchServer batches = StubBatchServer.start(req -> StubReply.content(UNIT))) {
            Path file = write(FILE.replace("cache_dir: .railguard-cache\n", "batch_api: {sync_fallback: true,"
                    + " poll_seconds: 0.02}\n"));
            RailguardProject p = RailguardProject.load(file, Map.of("JUDGE_URL", batches.openAiBaseUrl()),
                    new Properties());
            BatchApi api = p.batchApi().orElseThrow().build();
            assertThat(api.provider()).isEqualTo(BatchApi.Provider.OPENAI);
            assertThat(api.baseUrl()).hasToString(batches.openAiBaseUrl());
            assertThat(api.synchronousFallback()).isTrue();
            assertThat(api.initialPoll()).isEqualTo(Duration.ofMillis(20));
            assertThat(api.maxPoll()).isEqualTo(Duration.ofMinutes(5));
            BatchSummary s;
            try (RailguardEvaluator evaluator = p.evaluatorBuilder().batchApi(api).build()) {
                s = p.dataset("qa").applyTo(BatchEvaluator.builder()).evaluator(evaluator).maxInFlight(100)
                        .output(dir.resolve("out/results.jsonl")).log(QUIET).progress(BatchEvaluator.Progress.QUIET)
                        .build().run();
            }
            assertThat(s.metrics().get("correctness").pass()).isEqualTo(2);
            assertThat(batches.batchSizes()).containsExactly(2);
            assertThat(s.synchronousCost()).isCloseTo(2 * s.cost(), within(1e-12)).isPositive();
            assertThat(RailguardProject.load(write(FILE), Map.of("JUDGE_URL", "http://127.0.0.1:9/v1"),
                    new Properties()).batchApi()).isEmpty();
        }
    }

    @Test
    void gemini_judges_go_through_geminis_batch_mode_at_their_endpoint() throws IOException {
        try (StubBatchServer batches = StubBatchServer.start(req -> StubReply.content(UNIT))) {
            Path file = write(FILE.replace("cache_dir: .railguard-cache\n", "batch_api: {poll_seconds: 0.02}\n")
                    .replace("provider: openai", "provider: gemini").replace("model: gpt-4o", "model: gemini-2.5-flash")
                    .replace("base_url: ${JUDGE_URL}", "base_url: ${JUDGE_URL}\n    api_key: ${GEMINI_KEY}"));
            RailguardProject p = RailguardProject.load(file, Map.of("JUDGE_URL", batches.geminiBaseUrl(),
                    "GEMINI_KEY", "gemini-test-key"), new Properties());
            BatchApi api = p.batchApi().orElseThrow().build();
            assertThat(api.provider()).isEqualTo(BatchApi.Provider.GEMINI);
            BatchSummary s;
            try (RailguardEvaluator evaluator = p.evaluatorBuilder().batchApi(api).build()) {
                s = p.dataset("qa").applyTo(BatchEvaluator.builder()).evaluator(evaluator).maxInFlight(100)
                        .output(dir.resolve("out/results.jsonl")).log(QUIET).progress(BatchEvaluator.Progress.QUIET)
                        .build().run();
            }
            assertThat(s.metrics().get("correctness").pass()).isEqualTo(2);
            assertThat(batches.batchSizes()).containsExactly(2);
        }
    }

    @Test
    void batch_api_defaults_to_the_judges_provider_and_without_judges_asks_the_environments() throws IOException {
        Path anthropic = Files.writeString(dir.resolve("anthropic.yaml"), "judges:\n  - provider: anthropic\n"
                + "    model: claude-haiku-4-5\n    api_key: ${CLAUDE_KEY}\nbatch_api: {}\n");
        BatchApi api = RailguardProject.load(anthropic, Map.of("CLAUDE_KEY", "sk-ant-test"), new Properties())
                .batchApi().orElseThrow().build();
        assertThat(api.provider()).isEqualTo(BatchApi.Provider.ANTHROPIC);
        assertThat(api.baseUrl()).hasToString("https://api.anthropic.com");
        assertThat(api.synchronousFallback()).isFalse();
        assertThat(api.initialPoll()).isEqualTo(Duration.ofSeconds(5));

        Path bare = Files.writeString(dir.resolve("bare.yaml"), "batch_api: {}\n");
        assertThat(RailguardProject.load(bare, Map.of("RAILGUARD_JUDGE_API_KEY", "sk-test"), new Properties())
                .batchApi().orElseThrow().build().provider()).isEqualTo(BatchApi.Provider.OPENAI);
        Map<String, String> ollamaEnv = Map.of("RAILGUARD_JUDGE_PROVIDER", "ollama");
        assertThatThrownBy(() -> RailguardProject.load(bare, ollamaEnv, new Properties()))
                .isInstanceOf(ProjectFileException.class).hasMessage(bare + ":1:1: batch_api: the judges' provider is"
                        + " ollama, which has no batch API Railguard can use; the providers with one are [openai,"
                        + " anthropic, gemini]");
        RailguardProject ollama = RailguardProject.load(Files.writeString(dir.resolve("sync.yaml"), "run_mode: fast\n"),
                ollamaEnv, new Properties());
        assertThat(ollama.batchApi()).isEmpty();
        assertThatThrownBy(() -> ollama.batchApi("openai")).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("every judge call goes through the batch API of openai, but each judge of the environment"
                        + " (RAILGUARD_JUDGE_PROVIDER) is of provider ollama; set RAILGUARD_JUDGE_PROVIDER=openai to"
                        + " judge with that provider's models");
    }

    @Test
    void json_works_as_well_as_yaml_and_the_directory_is_searched_in_order() throws IOException {
        Path json = Files.writeString(dir.resolve("railguard.json"), "{\"metrics\": {\"no_blame\": {\"kind\":"
                + " \"contains\", \"none\": [\"your fault\"]}}}");
        assertThat(RailguardProject.find(dir)).contains(json);
        assertThat(RailguardProject.load(json, Map.of(), new Properties()).metrics().names()).contains("no_blame");
        Path yaml = Files.writeString(dir.resolve("railguard.yaml"), "run_mode: fast\n");
        assertThat(RailguardProject.find(dir)).contains(yaml);
    }
}
