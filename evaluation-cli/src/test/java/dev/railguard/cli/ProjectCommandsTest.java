package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.config.RailguardProject;
import dev.railguard.testkit.StubAnthropicServer;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The commands with a project file: validate, init, eval of declared datasets with gates, metrics. */
class ProjectCommandsTest {

    private static StubOpenAiServer server;
    private static Map<String, String> env;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(Cli::judge);
        env = Map.of("JUDGE_URL", server.baseUrl());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private Path project(String extra) throws Exception {
        Files.writeString(dir.resolve("qa.csv"), """
                id,question,answer
                q1,What is the capital of France?,Paris is the capital of France.
                q2,What is the capital of France?,Paris is the capital of France. It has 80 million inhabitants.
                q3,What is the capital of France?,Paris. Mail jane.doe@example.com.
                """);
        return Files.writeString(dir.resolve("railguard.yaml"), """
                judges:
                  - provider: openai
                    model: judge-model
                    base_url: ${JUDGE_URL}
                metrics:
                  no_mail_links:
                    kind: regex
                    must_not_match: "mailto:"
                datasets:
                  - name: qa
                    path: qa.csv
                    columns: {id: id, user_prompt: question, model_output: answer}
                    metrics: [correctness, pii, no_mail_links]
                """ + extra);
    }

    @Test
    void eval_runs_the_declared_csv_dataset_with_the_declared_judge_and_check() throws Exception {
        Path file = project("");
        Path out = dir.resolve("out");
        Cli r = Cli.run(env, "eval", "--config", file.toString(), "--out", out.toString(), "--progress", "log");
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("correctness\\s+2\\s+1\\s+0\\s+0\\s+66\\.7%")
                .containsPattern("pii\\s+2\\s+1\\s+0\\s+0").containsPattern("no_mail_links\\s+3\\s+0\\s+0\\s+0")
                .contains("3 events: 1 passed every metric, 2 failing (a metric FAIL or ERROR);");
        assertThat(Files.readAllLines(out.resolve("results.jsonl"))).hasSize(3);
    }

    @Test
    void the_file_s_gates_fail_the_run_and_an_option_wins_over_the_file() throws Exception {
        Path file = project("gates:\n  fail_under: {correctness: 0.9}\n");
        Cli gated = Cli.run(env, "eval", "--config", file.toString(), "--out", dir.resolve("o1").toString());
        assertThat(gated.exitCode()).as(gated.err()).isEqualTo(1);
        assertThat(gated.err()).contains("railguard eval: gate failed: correctness pass rate 0.667 < 0.9");
        Cli eased = Cli.run(env, "eval", "--config", file.toString(), "--out", dir.resolve("o2").toString(),
                "--fail-under", "correctness=0.5");
        assertThat(eased.exitCode()).as(eased.err()).isZero();
    }

    @Test
    void a_file_in_another_shape_evaluates_nothing_and_exits_1_saying_why() throws Exception {
        Path events = Files.writeString(dir.resolve("capitals.jsonl"),
                "{\"id\":\"a\",\"user_prompt\":\"Capital of France?\",\"output\":\"Paris\"}\n"
                        + "{\"id\":\"b\",\"user_prompt\":\"Capital of Italy?\",\"output\":\"Rome\"}\n");
        Cli r = Cli.run(env, "eval", events.toString(), "--out", dir.resolve("o").toString(), "--judge-base-url",
                server.baseUrl());
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("railguard eval: evaluated no event: all 2 input lines were skipped; first:"
                + " line 1: unknown field 'user_prompt'; ").contains("(another shape than DeepRails events? map its columns under datasets in"
                + " railguard.yaml)");
    }

    @Test
    void more_skipped_lines_than_max_skipped_exit_1() throws Exception {
        Path events = Files.writeString(dir.resolve("mixed.jsonl"), Cli.event("good",
                "Paris is the capital of France.") + "\nnot json\n");
        Cli r = Cli.run(env, "eval", events.toString(), "--out", dir.resolve("o").toString(), "--judge-base-url",
                server.baseUrl(), "--max-skipped", "0");
        assertThat(r.exitCode()).isEqualTo(1);
        assertThat(r.err()).contains("railguard eval: 1 input lines were skipped, more than max_skipped 0; first:"
                + " line 2: not valid JSON");
        Cli allowed = Cli.run(env, "eval", events.toString(), "--out", dir.resolve("o2").toString(),
                "--judge-base-url", server.baseUrl(), "--max-skipped", "1");
        assertThat(allowed.exitCode()).as(allowed.err()).isZero();
    }

    @Test
    void validate_lists_every_problem_by_file_line_and_key_and_exits_3() throws Exception {
        Path good = project("");
        Cli ok = Cli.run(env, "validate", "--config", good.toString());
        assertThat(ok.exitCode()).as(ok.err()).isZero();
        assertThat(ok.out().strip()).isEqualTo(good + ": valid");
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "run_mode: turbo\njudges:\n  - provider: openai\n"
                + "    model: m\n    api_key: sk-live-123456789012345678901234\n");
        Cli r = Cli.run(env, "validate", "--config", bad.toString());
        assertThat(r.exitCode()).isEqualTo(3);
        assertThat(r.out().lines().toList()).containsExactly(
                bad + ":1:1: run_mode: must be one of [ultra_fast, super_fast, fast, precision, precision_codex,"
                        + " precision_max, precision_max_codex], but was: 'turbo'",
                bad + ":5:5: judges[0].api_key: a key may only be given by reference to an environment variable,"
                        + " like ${ANTHROPIC_API_KEY}; a literal key in the file is refused (its value is not shown)");
        assertThat(r.err().strip()).isEqualTo("railguard validate: 2 problems in " + bad);
        assertThat(r.out() + r.err()).doesNotContain("sk-live-1234");
    }

    @Test
    void every_command_refuses_a_bad_project_file_with_its_first_problem() throws Exception {
        Path bad = Files.writeString(dir.resolve("bad.yaml"), "judgez: []\nrun_mode: turbo\n");
        for (String[] args : new String[][] {{"eval", "x.jsonl"}, {"metrics"}, {"report", "x.jsonl"},
                {"diff", "a.jsonl", "b.jsonl"}}) {
            String[] all = new String[args.length + 2];
            System.arraycopy(args, 0, all, 0, args.length);
            all[args.length] = "--config";
            all[args.length + 1] = bad.toString();
            Cli r = Cli.run(env, all);
            assertThat(r.exitCode()).as(String.join(" ", args) + ": " + r.err()).isEqualTo(3);
            assertThat(r.err()).contains(bad + ":1:1: judgez: unknown key 'judgez'", "(and 1 more problems;"
                    + " 'railguard validate --config " + bad + "' lists them)");
        }
    }

    @Test
    void metrics_lists_the_declared_checks_beside_the_built_ins() throws Exception {
        Path file = project("");
        Cli r = Cli.run(env, "metrics", "--config", file.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        assertThat(r.out().lines()).anyMatch(l -> l.matches("no_mail_links\\s+file\\s+code\\s+-\\s+1\\.00\\s+.+"))
                .anyMatch(l -> l.matches("correctness\\s+built-in\\s+judge\\s+.+"));
    }

    @Test
    void init_writes_a_starter_file_that_validates_for_a_csv_and_a_provider() throws Exception {
        Path data = Files.writeString(dir.resolve("qa.csv"), "question,answer,expected\nWhat is 2+2?,4,4\n");
        Path target = dir.resolve("railguard.yaml");
        Cli r = Cli.run(env, "init", "--provider", "anthropic", "--data", data.toString(), "--config",
                target.toString());
        assertThat(r.exitCode()).as(r.err()).isZero();
        String text = Files.readString(target);
        assertThat(text).contains("provider: anthropic", "api_key: ${ANTHROPIC_API_KEY}", "format: csv",
                "user_prompt: question", "model_output: answer", "ground_truth: expected",
                "metrics: [correctness, ground_truth_adherence, pii, no_internal_links]");
        assertThat(RailguardProject.check(target)).isEmpty();
        assertThat(r.out()).contains("wrote " + target, "export ANTHROPIC_API_KEY=");
        Cli again = Cli.run(env, "init", "--provider", "ollama", "--config", target.toString());
        assertThat(again.exitCode()).isEqualTo(2);
        assertThat(again.err()).contains(target + " exists; --force replaces it");
        Cli forced = Cli.run(env, "init", "--provider", "ollama", "--config", target.toString(), "--force");
        assertThat(forced.exitCode()).as(forced.err()).isZero();
        assertThat(RailguardProject.check(target)).isEmpty();
        Cli unknown = Cli.run(env, "init", "--provider", "bard", "--config", dir.resolve("x.yaml").toString());
        assertThat(unknown.exitCode()).isEqualTo(2);
        assertThat(unknown.err()).contains("--provider must be one of [openai, azure-openai, anthropic, gemini,"
                + " ollama], but was: 'bard'");
    }

    @Test
    void an_anthropic_judge_declared_in_the_file_serves_eval() throws Exception {
        Path events = Cli.events(dir);
        String unit = JudgeReplies.units().unit("Paris is the capital of France.", "Y", "high", "ok").json();
        try (StubAnthropicServer anthropic = StubAnthropicServer.start(r -> StubAnthropicServer.text(unit))) {
            Path file = Files.writeString(dir.resolve("railguard.yaml"), "judges:\n  - provider: anthropic\n"
                    + "    model: claude-haiku-4-5\n    base_url: " + anthropic.baseUrl() + "\n"
                    + "    api_key: ${ANTHROPIC_API_KEY}\n");
            Cli r = Cli.run(Map.of("ANTHROPIC_API_KEY", "sk-ant-test"), "eval", events.toString(), "--config",
                    file.toString(), "--out", dir.resolve("o").toString(), "--metrics", "correctness");
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out()).containsPattern("correctness\\s+3\\s+0\\s+0\\s+0");
            assertThat(anthropic.requests()).hasSize(3);
        }
    }
}
