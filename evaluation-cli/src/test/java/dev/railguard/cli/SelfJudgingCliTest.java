package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.testkit.StubOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The command line as a new user meets it with a judge configured: the README's command on the bundled sample
 * evaluates every line, a model is never asked to judge its own outputs unless {@code --allow-self-judging} says so,
 * and a refusal names that switch.
 */
class SelfJudgingCliTest {

    private static final Path SAMPLE = Path.of("..", "samples", "src", "main", "resources", "dev", "railguard",
            "samples", "sample-events.jsonl").normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static StubOpenAiServer server;
    private static Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(Cli::judge);
        env = Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(), "RAILGUARD_JUDGE_API_KEY", "sk-test-self-judging");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void the_readme_command_on_the_bundled_sample_with_a_judge_evaluates_every_line() throws Exception {
        Path out = dir.resolve("out");
        // the README's command, as written there
        Cli r = Cli.run(env, "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--judge-model", "gpt-4o",
                "--offline", "--out", out.toString(), "--progress", "log");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(54);
        assertThat(r.out()).contains("events: 54,").contains("skipped input lines: 0");
    }

    @Test
    void with_the_default_judge_model_the_lines_it_wrote_are_refused_naming_the_switch_and_the_exit_is_3()
            throws Exception {
        Path out = dir.resolve("out");
        Cli r = Cli.run(env, "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--out", out.toString(),
                "--progress", "log");
        // 35 of the 54 outputs were written by gpt-4o-mini, the default judge model
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(19);
        assertThat(r.out()).contains("skipped input lines: 35");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err()).contains("railguard eval: 35 input line(s) were skipped and not evaluated; first: line 1:"
                + " modelUsed 'gpt-4o-mini' is the only judge runMode 'fast' can get for the verifier (tier standard,"
                + " judge 'gpt-4o-mini'), so a model would judge its own output; add another judge to that tier, or"
                + " allow it with --allow-self-judging");
        assertThat(r.err()).doesNotContain("RailguardEvaluator.builder()");

        Cli allowed = Cli.run(env, "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--out",
                dir.resolve("allowed").toString(), "--progress", "log", "--allow-self-judging");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(Files.readAllLines(dir.resolve("allowed").resolve("results.jsonl"))).hasSize(54)
                .filteredOn(l -> l.contains("\"model_used\":\"gpt-4o-mini\"")).hasSize(35)
                .allSatisfy(l -> assertThat(l).contains("self-judging: modelUsed 'gpt-4o-mini' judged its own"));
    }

    @Test
    void eval_run_refuses_a_judge_of_the_agents_own_model_naming_the_switch_and_allows_it_with_a_warning()
            throws Exception {
        try (StubOpenAiServer judge = StubOpenAiServer.start(q -> q.responseFormatType().isEmpty()
                ? dev.railguard.testkit.StubReply.content("4")
                : dev.railguard.testkit.StubReply.content("{\"accuracy_score\": 9, \"accuracy_reason\": \"ok\"}"))) {
            Map<String, String> judgeEnv = Map.of("RAILGUARD_JUDGE_BASE_URL", judge.baseUrl());
            Path body = Files.writeString(dir.resolve("accuracy.json"), "{\"eval_type\":\"accuracy\","
                    + "\"input\":\"2+2?\",\"expected_output\":\"4\",\"model_id\":\"openai/gpt-4o-mini\"}");
            Cli refused = Cli.run(judgeEnv, "eval-run", body.toString());
            assertThat(refused.exitCode()).isEqualTo(3);
            assertThat(refused.err().strip()).isEqualTo("railguard eval-run: the accuracy judge's judge 'gpt-4o-mini'"
                    + " is the subject's own model 'openai/gpt-4o-mini', so a model would judge its own output; add"
                    + " another judge to that tier, or allow it with --allow-self-judging");

            Cli allowed = Cli.run(judgeEnv, "eval-run", body.toString(), "--allow-self-judging");
            assertThat(allowed.exitCode()).as(allowed.err()).isZero();
            JsonNode record = JSON.readTree(allowed.out());
            assertThat(record.path("eval_input").path("warnings").get(0).asText())
                    .startsWith("self-judging: modelUsed 'openai/gpt-4o-mini' judged its own output");
        }
    }

    @Test
    void meta_eval_skips_cases_the_judge_model_wrote_naming_the_switch_and_takes_them_when_allowed()
            throws Exception {
        Path labels = Files.writeString(dir.resolve("labels.jsonl"), """
                {"id":"a","model_input":{"user_prompt":"What is the capital of France?"},"model_output":"Paris.","labels":{"correctness":"PASS"},"model_used":"gpt-4o-mini-2024-07-18"}
                {"id":"b","model_input":{"user_prompt":"What is the capital of France?"},"model_output":"Lyon.","labels":{"correctness":"FAIL"},"model_used":"claude-3-5-haiku"}
                """);
        Path out = dir.resolve("meta");
        Cli r = Cli.run(env, "meta-eval", labels.toString(), "--repeats", "1", "--out", out.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode skipped = JSON.readTree(out.resolve("meta-eval.json").toFile()).path("configurations").get(0)
                .path("skipped_cases");
        assertThat(skipped).hasSize(1);
        assertThat(skipped.get(0).path("position").asText()).isEqualTo("case a");
        assertThat(skipped.get(0).path("reason").asText()).endsWith("or allow it with --allow-self-judging");

        Cli allowed = Cli.run(env, "meta-eval", labels.toString(), "--repeats", "1", "--out", out.toString(),
                "--allow-self-judging");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
        assertThat(JSON.readTree(out.resolve("meta-eval.json").toFile()).path("configurations").get(0)
                .path("skipped_cases")).isEmpty();
    }
}
