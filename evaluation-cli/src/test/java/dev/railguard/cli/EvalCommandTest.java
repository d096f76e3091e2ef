package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class EvalCommandTest {

    private static StubOpenAiServer server;
    private static Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(Cli::judge);
        env = Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(), "RAILGUARD_JUDGE_API_KEY", "sk-secret-test-key");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void eval_writes_the_three_files_and_prints_only_the_table_and_paths() throws Exception {
        Path events = Cli.events(dir);
        Path out = dir.resolve("out");
        Cli r = Cli.run(env, "eval", events.toString(), "--out", out.toString(), "--progress", "log");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(out.resolve("results.jsonl")).exists();
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(3);
        assertThat(out.resolve("summary.json")).exists();
        assertThat(Files.readString(out.resolve("report.html"))).contains("<title>Railguard report</title>");
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).matches("metric\\s+pass\\s+fail\\s+error\\s+skipped\\s+pass rate");
        assertThat(lines.get(1)).matches("correctness\\s+2\\s+1\\s+0\\s+0\\s+66\\.7%");
        assertThat(lines.get(2)).matches("pii\\s+2\\s+1\\s+0\\s+0\\s+66\\.7%");
        assertThat(lines.get(3)).startsWith("3 events: 1 passed every metric, 2 failing (a metric FAIL or ERROR);");
        // no price table set: the calls cost 0, synchronously too
        assertThat(lines.get(4)).matches("judge tokens: [1-9]\\d* in \\(0 cached\\), [1-9]\\d* out; cost 0\\.0000"
                + " \\(synchronously: 0\\.0000\\)");
        assertThat(lines.subList(5, 8)).containsExactly("results: " + out.resolve("results.jsonl"),
                "summary: " + out.resolve("summary.json"), "report:  " + out.resolve("report.html"));
        assertThat(lines).hasSize(8);
        // progress lines went to stderr; the key never appears anywhere
        assertThat(r.err()).contains("railguard batch:");
        assertThat(r.out() + r.err() + Files.readString(out.resolve("results.jsonl"))
                + Files.readString(out.resolve("report.html"))).doesNotContain("sk-secret-test-key");
    }

    @Test
    void fail_under_gates_with_exit_1_and_one_line_naming_the_metric() throws Exception {
        Path out = dir.resolve("gate");
        Cli r = Cli.run(env, "eval", Cli.events(dir).toString(), "-o", out.toString(), "--progress", "quiet",
                "--fail-under", "correctness=0.5", "--fail-under", "pii=0.9");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err().strip().lines().toList()).last().asString()
                .isEqualTo("railguard eval: gate failed: pii pass rate 0.667 < 0.9 (2 pass, 1 fail, 0 error)");
        Cli pass = Cli.run(env, "eval", Cli.events(dir).toString(), "-o", out.toString(), "--progress", "quiet",
                "--fail-under", "correctness=0.6");
        assertThat(pass.exitCode()).as(pass.err()).isZero();
        Cli absent = Cli.run(env, "eval", Cli.events(dir).toString(), "-o", out.toString(), "--progress", "quiet",
                "--fail-under", "completeness=0.1");
        assertThat(absent.exitCode()).isEqualTo(1);
        assertThat(absent.err()).contains("completeness has no decided result");
    }

    @Test
    void metrics_run_mode_and_thresholds_from_the_command_line_win_over_the_event() throws Exception {
        Path out = dir.resolve("over");
        Cli r = Cli.run(env, "eval", Cli.events(dir).toString(), "-o", out.toString(), "--progress", "quiet",
                "--metrics", "pii", "--run-mode", "ultra_fast", "--threshold", "pii=0.0", "--json");
        assertThat(r.exitCode()).as(r.err()).isZero();
        JsonNode summary = new ObjectMapper().readTree(r.out());
        assertThat(summary.path("metrics").fieldNames()).toIterable().containsExactly("pii");
        assertThat(summary.path("gate_failures")).isEmpty();
        assertThat(summary.path("report_file").asText()).endsWith("report.html");
        JsonNode first = new ObjectMapper().readTree(Files.readAllLines(out.resolve("results.jsonl")).get(0));
        assertThat(first.path("run_mode").asText()).isEqualTo("ultra_fast");
        assertThat(first.path("evaluation_result").path("pii").path("threshold").asDouble()).isZero();
    }

    @Test
    void resume_keeps_finished_events_and_a_fresh_run_replaces_them() throws Exception {
        Path events = Cli.events(dir);
        Path out = dir.resolve("resume");
        assertThat(Cli.run(env, "eval", events.toString(), "-o", out.toString(), "--progress", "quiet").exitCode())
                .isZero();
        int before = server.requestCount();
        Cli resumed = Cli.run(env, "eval", events.toString(), "-o", out.toString(), "--progress", "quiet", "--resume");
        assertThat(resumed.exitCode()).isZero();
        assertThat(server.requestCount()).isEqualTo(before);
        assertThat(resumed.err()).contains("0 evaluated now, 3 from an earlier run");
        Cli fresh = Cli.run(env, "eval", events.toString(), "-o", out.toString(), "--progress", "quiet");
        assertThat(fresh.err()).contains("replacing").contains("3 evaluated now, 0 from an earlier run");
    }

    @Test
    void without_a_judge_exit_3_says_how_to_configure_and_offline_runs_the_checks() throws Exception {
        Path out = dir.resolve("nojudge");
        Cli r = Cli.run(Map.of(), "eval", Cli.events(dir).toString(), "-o", out.toString(), "--progress", "quiet");
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.err().strip().lines().toList()).last().asString()
                .startsWith("railguard eval: 3 judged metric results were SKIPPED because no judge is configured")
                .contains("--offline");
        Cli offline = Cli.run(Map.of(), "eval", Cli.events(dir).toString(), "-o", out.toString(), "--offline",
                "--progress", "quiet");
        assertThat(offline.exitCode()).isZero();
        assertThat(offline.out()).containsPattern("correctness\\s+0\\s+0\\s+0\\s+3");
    }

    @Test
    void judge_failures_are_exit_3_with_the_first_reason_never_a_pass() throws Exception {
        try (StubOpenAiServer broken = StubOpenAiServer.start(req -> StubReply.status(401))) {
            Path out = dir.resolve("broken");
            Cli r = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", broken.baseUrl()), "eval", Cli.events(dir).toString(),
                    "-o", out.toString(), "--progress", "quiet", "--metrics", "correctness", "--fail-under",
                    "correctness=0");
            assertThat(r.exitCode()).isEqualTo(3);
            assertThat(r.err().strip().lines().toList()).last().asString()
                    .startsWith("railguard eval: 3 metric results are ERROR and 0 events failed; first: correctness on line");
            assertThat(r.out()).containsPattern("correctness\\s+0\\s+0\\s+3\\s+0\\s+0\\.0%");
        }
    }

    @Test
    void bad_options_are_usage_errors_of_one_line_naming_the_option_and_what_is_allowed() throws Exception {
        String events = Cli.events(dir).toString();
        Cli mode = Cli.run(env, "eval", events, "--run-mode", "turbo");
        assertThat(mode.exitCode()).isEqualTo(2);
        assertThat(mode.err().lines().toList()).hasSize(1);
        assertThat(mode.err()).contains("--run-mode must be one of [").contains("ultra_fast").contains("'turbo'");
        Cli metric = Cli.run(env, "eval", events, "--metrics", "pii,corectness", "-o", dir.resolve("m").toString());
        assertThat(metric.exitCode()).isEqualTo(2);
        assertThat(metric.err()).contains("--metrics: unknown metric [corectness]; installed metrics are [");
        Cli unknownThreshold = Cli.run(env, "eval", events, "--threshold", "pi=0.5", "-o", dir.resolve("t").toString());
        assertThat(unknownThreshold.exitCode()).isEqualTo(2);
        assertThat(unknownThreshold.err()).contains("--threshold: unknown metric [pi]; installed metrics are [");
        Cli threshold = Cli.run(env, "eval", events, "--threshold", "pii=1.5");
        assertThat(threshold.exitCode()).isEqualTo(2);
        assertThat(threshold.err()).contains("--threshold pii must be between 0.0 and 1.0, but was: 1.5");
        Cli missing = Cli.run(env, "eval", dir.resolve("nope.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).startsWith("railguard eval: EVENTS.jsonl: file does not exist:");
        Cli unknown = Cli.run(env, "eval", events, "--frobnicate");
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err().lines().toList()).hasSize(1);
        assertThat(unknown.err()).contains("Unknown option: '--frobnicate'").contains("railguard eval --help");
        Cli concurrency = Cli.run(env, "eval", events, "-c", "0");
        assertThat(concurrency.err()).contains("--concurrency must be between 1 and 10000, but was: 0");
        Cli timeout = Cli.run(env, "eval", events, "--judge-timeout", "abc");
        assertThat(timeout.exitCode()).isEqualTo(2);
        assertThat(timeout.err()).contains("--judge-timeout");
        assertThat(Cli.run(env).exitCode()).isEqualTo(2);
    }

    @Test
    void verbose_adds_the_stack_trace_to_a_configuration_error() throws Exception {
        Map<String, String> bad = Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(), "RAILGUARD_JUDGE_PRICES",
                "gpt=abc");
        Cli quiet = Cli.run(bad, "eval", Cli.events(dir).toString(), "-o", dir.resolve("p").toString());
        assertThat(quiet.exitCode()).isEqualTo(3);
        assertThat(quiet.err().lines().toList()).hasSize(1);
        assertThat(quiet.err()).contains("RAILGUARD_JUDGE_PRICES entries must be model=input:output");
        Cli verbose = Cli.run(bad, "eval", Cli.events(dir).toString(), "-o", dir.resolve("p").toString(),
                "--verbose");
        assertThat(verbose.exitCode()).isEqualTo(3);
        assertThat(verbose.err()).contains("\tat dev.railguard.");
    }

    /**
     * The command line as a new user meets it with a judge configured: the README's command on the bundled sample
     * evaluates every line, a model is never asked to judge its own outputs unless {@code --allow-self-judging} says
     * so, and a refusal names that switch.
     */
    @Nested
    class SelfJudging {

        private static final ObjectMapper JSON = new ObjectMapper();

        private static final Path SAMPLE = Path.of("..", "samples", "src", "main", "resources", "dev", "railguard",
                "samples", "sample-events.jsonl").normalize();
        @Test
        void the_readme_command_on_the_bundled_sample_with_a_judge_evaluates_every_line() throws Exception {
            Path out = dir.resolve("out");
            // the README's command, as written there
            Cli r = Cli.run(env, "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--judge-model", "gpt-4o",
                    "--offline", "--out", out.toString(), "--progress", "log");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(61);
            assertThat(r.out()).contains("61 events: ").contains("skipped input lines: 0");
        }

        @Test
        void with_the_default_judge_model_the_lines_it_wrote_are_refused_naming_the_switch_and_the_exit_is_3()
                throws Exception {
            Path out = dir.resolve("out");
            Cli r = Cli.run(env, "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--out", out.toString(),
                    "--progress", "log");
            // 35 of the 61 outputs were written by gpt-4o-mini, the default judge model
            assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(26);
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
            assertThat(Files.readAllLines(dir.resolve("allowed").resolve("results.jsonl"))).hasSize(61)
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
}
