package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.testkit.StubOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OtherCommandsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;

    @Test
    void metrics_lists_every_installed_metric_with_needs_and_threshold() throws Exception {
        Cli r = Cli.run(Map.of(), "metrics");
        assertThat(r.exitCode()).isZero();
        List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("metric").contains("threshold");
        assertThat(lines).anyMatch(l -> l.matches("ground_truth_adherence\\s+built-in\\s+judge\\s+modelInput\\.groundTruth\\s+"
                + "\\d\\.\\d\\d\\s+.+"));
        assertThat(lines).anyMatch(l -> l.matches("pii\\s+built-in\\s+code\\s+-\\s+\\d\\.\\d\\d\\s+.+"));
        JsonNode json = JSON.readTree(Cli.run(Map.of(), "metrics", "--json").out());
        assertThat(json.size()).isEqualTo(lines.size() - 1);
        assertThat(json.findValuesAsText("name")).contains("correctness", "completeness", "pii", "json_schema");
    }

    @Test
    void a_numeric_option_out_of_range_is_a_usage_error_naming_the_option() throws Exception {
        String results = results(dir.resolve("r.jsonl"), new boolean[] {true, false, true}).toString();
        String events = Cli.events(dir).toString();
        String body = Files.writeString(dir.resolve("run.json"), "{\"eval_type\":\"performance\",\"input\":\"q\"}")
                .toString();
        String[][] rows = {
            {"--max-events must be at least 0, but was: -1", "report", results, "--max-events", "-1"},
            {"--parallelism must be between 1 and 64, but was: 65", "eval-run", body, "--parallelism", "65"},
            {"--max-skipped must be at least 0, but was: -1", "eval", events, "--max-skipped", "-1"},
            {"--judge-timeout (seconds) must be at least 1, but was: 0", "eval", events, "--judge-timeout", "0"},
            {"--min-effect must be between 0.0 and 1.0, but was: 1.5", "diff", results, results, "--min-effect", "1.5"},
            {"--confidence must be between 0.0 and 1.0 (exclusive), but was: 1.0", "diff", results, results,
                "--confidence", "1"},
            {"--resamples must be between 100 and 1000000, but was: 99", "diff", results, results, "--resamples", "99"},
        };
        for (String[] row : rows) {
            Cli r = Cli.run(Map.of(), Arrays.copyOfRange(row, 1, row.length));
            assertThat(r.exitCode()).as(row[0]).isEqualTo(2);
            assertThat(r.err().lines().findFirst()).as(r.err())
                    .hasValue("railguard " + row[1] + ": " + row[0] + " (see 'railguard " + row[1] + " --help')");
        }
    }

    @Test
    void report_writes_the_html_again_from_a_results_file() throws Exception {
        Path results = results(dir.resolve("r.jsonl"), new boolean[] {true, false, true});
        Cli r = Cli.run(Map.of(), "report", results.toString(), "--title", "Again <b>");
        assertThat(r.exitCode()).as(r.err()).isZero();
        Path html = dir.resolve("report.html");
        assertThat(r.out()).isEqualTo("report: " + html + System.lineSeparator());
        assertThat(Files.readString(html)).contains("<title>Again &lt;b&gt;</title>").contains("data-line=\"2\"");
        Cli missing = Cli.run(Map.of(), "report", dir.resolve("none.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("RESULTS.jsonl: file does not exist");
    }

    @Test
    void diff_of_a_run_with_itself_exits_0_and_a_regression_exits_1() throws Exception {
        boolean[] base = new boolean[60];
        boolean[] worse = new boolean[60];
        for (int i = 0; i < 60; i++) {
            base[i] = i < 50;
            worse[i] = i < 30;
        }
        Path b = results(dir.resolve("base.jsonl"), base);
        Path n = results(dir.resolve("new.jsonl"), worse);
        Cli same = Cli.run(Map.of(), "diff", b.toString(), b.toString(), "--out", dir.resolve("same.html").toString());
        assertThat(same.exitCode()).as(same.err()).isZero();
        assertThat(same.out().lines().toList()).hasSize(4);
        assertThat(same.out()).containsPattern("correctness\\s+60\\s+83\\.3%\\s+83\\.3%\\s+\\+0\\.0 \\[\\+0\\.0, \\+0\\.0\\]"
                + " pts\\s+0\\s+0\\s+1\\.0000 .* no significant change");
        assertThat(same.out()).contains("paired events: 60, only in base: 0, only in new: 0");

        Cli worse1 = Cli.run(Map.of(), "diff", b.toString(), n.toString());
        assertThat(worse1.exitCode()).isEqualTo(1);
        assertThat(worse1.out()).containsPattern("correctness\\s+60\\s+83\\.3%\\s+50\\.0%\\s+-33\\.3 \\[.*\\]"
                + " pts\\s+20\\s+0\\s+0\\.0000 .* REGRESSED");
        assertThat(worse1.err().lines().toList()).containsExactly("railguard diff: regression: correctness -33.3 points"
                + " (20 pass->fail, 0 fail->pass, McNemar p=1.907e-06)");
        assertThat(dir.resolve("diff.html")).exists();
        // the gate honours the minimum effect
        assertThat(Cli.run(Map.of(), "diff", b.toString(), n.toString(), "--min-effect", "0.4").exitCode()).isZero();
        // improvements never fail the gate
        assertThat(Cli.run(Map.of(), "diff", n.toString(), b.toString()).exitCode()).isZero();

        JsonNode json = JSON.readTree(Cli.run(Map.of(), "diff", b.toString(), n.toString(), "--json").out());
        assertThat(json.path("regression").asBoolean()).isTrue();
        assertThat(json.path("metrics").get(0).path("pass_to_fail").asInt()).isEqualTo(20);

        Cli alpha = Cli.run(Map.of(), "diff", b.toString(), n.toString(), "--alpha", "1.5");
        assertThat(alpha.exitCode()).isEqualTo(2);
        assertThat(alpha.err()).contains("--alpha must be between 0.0 and 1.0 (exclusive), but was: 1.5");
        Cli missing = Cli.run(Map.of(), "diff", b.toString(), dir.resolve("x.jsonl").toString());
        assertThat(missing.exitCode()).isEqualTo(2);
        assertThat(missing.err()).contains("NEW.jsonl: file does not exist");
    }

    @Test
    void eval_run_prints_the_record_and_writes_it() throws Exception {
        try (StubOpenAiServer server = StubOpenAiServer.start(Cli::judge)) {
            Path body = Files.writeString(dir.resolve("run.json"),
                    "{\"eval_type\":\"performance\",\"input\":\"What is the capital of France?\","
                            + "\"num_iterations\":2,\"model_id\":\"agent-model\",\"name\":\"latency\"}");
            Map<String, String> env = Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl());
            Cli r = Cli.run(env, "eval-run", body.toString(), "--out", dir.resolve("record.json").toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            JsonNode record = JSON.readTree(r.out());
            assertThat(record.path("eval_type").asText()).isEqualTo("performance");
            assertThat(record.path("model_id").asText()).isEqualTo("agent-model");
            assertThat(record.path("name").asText()).isEqualTo("latency");
            assertThat(JSON.readTree(dir.resolve("record.json").toFile())).isEqualTo(record);
            // the agent is the model at the endpoint: it was called for each iteration
            assertThat(server.requests()).anyMatch(q -> q.model().equals("agent-model"));

            Path bad = Files.writeString(dir.resolve("bad.json"), "{\"eval_type\":\"accuracy\",\"input\":\"x\"}");
            Cli invalid = Cli.run(env, "eval-run", bad.toString(), "--agent-model", "m");
            assertThat(invalid.exitCode()).isEqualTo(2);
            assertThat(invalid.err()).contains("expected_output is required for eval_type accuracy");
        }
    }

    @Test
    void a_judged_eval_run_asks_the_agent_then_the_judge_and_a_failing_run_exits_1() throws Exception {
        try (StubOpenAiServer server = StubOpenAiServer.start(q -> q.responseFormatType().isEmpty()
                ? dev.railguard.testkit.StubReply.content("Paris.")
                : dev.railguard.testkit.StubReply.content(dev.railguard.testkit.JudgeReplies.satisfying(q)))) {
            Path body = Files.writeString(dir.resolve("judge.json"), "{\"eval_type\":\"agent_as_judge\","
                    + "\"input\":\"What is the capital of France?\",\"criteria\":\"names the capital\","
                    + "\"scoring_strategy\":\"numeric\",\"threshold\":7}");
            Cli r = Cli.run(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl()), "eval-run", body.toString(),
                    "--agent-model", "agent-model");
            JsonNode record = JSON.readTree(r.out());
            assertThat(record.path("eval_type").asText()).isEqualTo("agent_as_judge");
            assertThat(server.requests()).anyMatch(q -> q.model().equals("agent-model")
                    && q.responseFormatType().isEmpty());
            assertThat(server.requests()).anyMatch(q -> q.responseFormatType().isPresent());
            // the stub judge scores 1 of 10 (every number it writes is 1), below the threshold 7: FAILED, exit 1
            assertThat(record.path("eval_data").path("eval_status").asText()).isEqualTo("FAILED");
            assertThat(r.exitCode()).isEqualTo(1);
            assertThat(r.err().strip()).startsWith("railguard eval-run: eval run ").endsWith(" FAILED");
        }
    }

    @Test
    void meta_eval_measures_the_judge_on_labelled_cases_and_writes_its_report() throws Exception {
        StringBuilder cases = new StringBuilder();
        for (int i = 0; i < 4; i++) {
            cases.append("{\"id\":\"c").append(i).append("\",\"model_input\":{\"user_prompt\":\"What is the"
                    + " capital of France?\"},\"model_output\":\"Answer ").append(i).append(".\",\"labels\":"
                    + "{\"correctness\":\"").append(i % 2 == 0 ? "PASS" : "FAIL").append("\"}}\n");
        }
        Path labels = Files.writeString(dir.resolve("labels.jsonl"), cases.toString());
        Path out = dir.resolve("meta");
        try (StubOpenAiServer server = StubOpenAiServer.start(Cli::judge)) {
            Map<String, String> env = Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl());
            Cli r = Cli.run(env, "meta-eval", labels.toString(), "--repeats", "1", "--out", out.toString());
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(out.resolve("meta-eval.json")).exists();
            assertThat(out.resolve("meta-eval.html")).exists();
            assertThat(r.out().strip().lines().toList()).last().asString().startsWith("wrote ")
                    .contains("meta-eval.json");
            assertThat(server.requestCount()).isGreaterThanOrEqualTo(4);

            Cli format = Cli.run(env, "meta-eval", labels.toString(), "--format", "csv");
            assertThat(format.exitCode()).isEqualTo(2);
            assertThat(format.err().lines().toList()).hasSize(1);
            assertThat(format.err()).contains("csv");
        }
        Cli noJudge = Cli.run(Map.of(), "meta-eval", labels.toString(), "--out", out.toString());
        assertThat(noJudge.exitCode()).isEqualTo(3);
        assertThat(noJudge.err()).contains("No judge is configured");
    }

    @Test
    void the_completion_script_is_generated_by_picocli() {
        Cli r = Cli.run(Map.of(), "generate-completion");
        assertThat(r.exitCode()).isZero();
        assertThat(r.out()).contains("railguard Bash Completion").contains("eval-run").contains("--fail-under")
                .contains("--min-effect");
    }

    @Test
    void help_of_every_subcommand_names_every_option_and_shows_examples() {
        RailguardCommand root = new RailguardCommand(Map.of());
        var cl = RailguardCommand.commandLine(root);
        List<String> checked = new ArrayList<>();
        cl.getSubcommands().forEach((name, sub) -> {
            if (name.equals("generate-completion")) {
                return;
            }
            Cli r = Cli.run(Map.of("NO_COLOR", "1"), name, "--help");
            assertThat(r.exitCode()).isZero();
            for (var option : sub.getCommandSpec().options()) {
                assertThat(r.out()).as(name + " --help").contains(option.longestName());
            }
            for (var positional : sub.getCommandSpec().positionalParameters()) {
                assertThat(r.out()).as(name + " --help").contains(positional.paramLabel());
            }
            assertThat(r.out()).as(name).contains("Examples:").contains("Exit codes:").doesNotContain("\u001b[");
            checked.add(name);
        });
        assertThat(checked).containsExactlyInAnyOrder("eval", "report", "diff", "eval-run", "meta-eval", "metrics",
                "validate", "init");
        Cli top = Cli.run(Map.of("NO_COLOR", "1"), "--help");
        assertThat(top.out()).contains("eval", "report", "diff", "eval-run", "metrics", "Exit codes: 0 ok, 1 gate");
    }

    /** A results file of one metric with these verdicts, paired by id. */
    static Path results(Path file, boolean[] pass) throws Exception {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < pass.length; i++) {
            s.append("{\"line\":").append(i + 1).append(",\"input_hash\":\"h").append(i).append("\",\"id\":\"e")
                    .append(i).append("\",\"event_id\":\"ev").append(i).append("\",\"status\":\"completed\",\"passed\":")
                    .append(pass[i]).append(",\"outcome\":\"").append(pass[i] ? "pass" : "fail")
                    .append("\",\"nametag\":null,\"run_mode\":\"fast\",\"model_used\":\"m\",\"evaluation_result\":"
                            + "{\"correctness\":{\"score\":").append(pass[i] ? 0.9 : 0.3)
                    .append(",\"rationale\":\"r").append(i).append("\",\"threshold\":0.5,\"verdict\":\"")
                    .append(pass[i] ? "pass" : "fail").append("\"}},\"units\":{},\"diagnostics\":{},\"usage\":{},"
                            + "\"user_prompt\":\"q").append(i).append("\",\"model_output\":\"o").append(i)
                    .append("\"}\n");
        }
        return Files.writeString(file, s.toString());
    }
}
