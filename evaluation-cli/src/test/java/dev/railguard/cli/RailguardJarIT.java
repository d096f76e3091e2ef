package dev.railguard.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The built jar as a real process ({@code java -jar target/railguard.jar}) on the bundled sample data against the
 * stub judge server: exit codes, the files written, and that stdout holds only the documented lines. Runs in the
 * integration-test phase, after the package phase has built the jar.
 */
class RailguardJarIT {

    /** Every line {@code railguard eval} may print to stdout (see its --help). */
    private static final List<Pattern> EVAL_STDOUT = List.of(
            Pattern.compile("metric\\s+pass\\s+fail\\s+error\\s+skipped\\s+pass rate"),
            Pattern.compile("[a-z][a-z0-9_]*\\s+\\d+\\s+\\d+\\s+\\d+\\s+\\d+\\s+(\\d+(\\.\\d)?%|-)"),
            Pattern.compile("\\d+ events: \\d+ passed every metric, \\d+ failing \\(a metric FAIL or ERROR\\)(, \\d+ only"
                    + " partly checked \\(a metric SKIPPED\\))?; skipped input lines: \\d+, judge calls: \\d+"),
            Pattern.compile("judge tokens: \\d+ in \\(\\d+ cached\\), \\d+ out; cost \\d+\\.\\d{4} \\(synchronously:"
                    + " \\d+\\.\\d{4}\\)"),
            Pattern.compile("(results|summary|report): +\\S+"));

    private static final Path JAR = Path.of(System.getProperty("railguard.jar", "target/railguard.jar"));
    private static final Path MODULE = JAR.toAbsolutePath().getParent().getParent();
    private static final Path SAMPLE = MODULE.resolve("../samples/src/main/resources/dev/railguard/samples/"
            + "sample-events.jsonl").normalize();

    private static StubOpenAiServer server;
    private static volatile boolean strict;

    @TempDir
    static Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(RailguardJarIT::judge);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    /** All Y; when strict, every claim about returns or refunds is judged N. */
    private static StubReply judge(RecordedRequest r) {
        String text = r.userText().toLowerCase();
        if (strict && (text.contains("return") || text.contains("refund"))) {
            return StubReply.content(JudgeReplies.units().unit("A claim about returns.", "N", "high", "Not so.")
                    .json(), 200, 30);
        }
        return StubReply.content(JudgeReplies.satisfying(r), 200, 30);
    }

    record Run(int exit, String out, String err) {}

    private static Run run(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-jar", JAR.toString()));
        cmd.addAll(List.of(args));
        return exec(cmd, env);
    }

    private static Run exec(List<String> cmd, Map<String, String> env) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).directory(dir.toFile());
        pb.environment().keySet().removeIf(k -> k.startsWith("RAILGUARD_") || k.startsWith("OPENAI_")
                || k.equals("NO_COLOR"));
        pb.environment().putAll(env);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process p = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertThat(p.waitFor(180, TimeUnit.SECONDS)).as("finished: " + cmd).isTrue();
        return new Run(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8),
                Files.readString(err, StandardCharsets.UTF_8));
    }

    private static Map<String, String> judgeEnv() {
        Map<String, String> env = new HashMap<>();
        env.put("RAILGUARD_JUDGE_BASE_URL", server.baseUrl());
        env.put("RAILGUARD_JUDGE_API_KEY", "sk-it-secret");
        // not gpt-4o-mini, which wrote most sample outputs: a model judging its own output is refused by default
        env.put("RAILGUARD_JUDGE_MODEL", "gpt-4o");
        return env;
    }

    private static void onlyDocumentedLines(String stdout, List<Pattern> allowed) {
        assertThat(stdout).doesNotContain("\u001b[");
        for (String line : stdout.lines().toList()) {
            assertThat(allowed).as("undocumented stdout line: '" + line + "'")
                    .anyMatch(p -> p.matcher(line).matches());
        }
    }

    @Test
    void eval_diff_and_report_on_the_sample_with_their_exit_codes() throws Exception {
        assertThat(JAR).exists();
        assertThat(SAMPLE).exists();
        int events = (int) Files.readAllLines(SAMPLE).stream().filter(l -> !l.isBlank()).count();

        strict = false;
        Run base = run(judgeEnv(), "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--out", "base",
                "--concurrency", "8");
        assertThat(base.exit()).as(base.err()).isZero();
        onlyDocumentedLines(base.out(), EVAL_STDOUT);
        assertThat(base.out()).contains(events + " events: ");
        assertThat(dir.resolve("base/results.jsonl")).exists();
        assertThat(Files.readAllLines(dir.resolve("base/results.jsonl"))).hasSize(events);
        assertThat(dir.resolve("base/summary.json")).exists();
        assertThat(dir.resolve("base/report.html")).exists();
        assertThat(base.err()).contains("railguard batch:").doesNotContain("sk-it-secret");

        strict = true;
        Run worse = run(judgeEnv(), "eval", SAMPLE.toString(), "--metrics", "correctness,pii", "--out", "new",
                "--fail-under", "correctness=0.95", "--progress", "log");
        assertThat(worse.exit()).as(worse.err()).isEqualTo(1);
        onlyDocumentedLines(worse.out(), EVAL_STDOUT);
        assertThat(worse.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .startsWith("railguard eval: gate failed: correctness pass rate ");

        Run diff = run(Map.of(), "diff", "base/results.jsonl", "new/results.jsonl", "--out", "diff.html");
        assertThat(diff.exit()).as(diff.err()).isEqualTo(1);
        assertThat(diff.out()).containsPattern("correctness .* REGRESSED");
        assertThat(diff.out().lines().toList()).last().asString().isEqualTo("report: diff.html");
        assertThat(diff.err().lines().toList()).singleElement().asString()
                .startsWith("railguard diff: regression: correctness");
        assertThat(dir.resolve("diff.html")).exists();

        Run same = run(Map.of(), "diff", "base/results.jsonl", "base/results.jsonl", "--json");
        assertThat(same.exit()).isZero();
        JsonNode json = new ObjectMapper().readTree(same.out());
        assertThat(json.path("regression").asBoolean()).isFalse();
        assertThat(json.path("paired").asInt()).isEqualTo(events);

        Run report = run(Map.of(), "report", "base/results.jsonl", "--out", "again.html");
        assertThat(report.exit()).isZero();
        assertThat(report.out()).isEqualTo("report: again.html" + System.lineSeparator());
        assertThat(Files.readString(dir.resolve("again.html"))).contains("Railguard report");
    }

    @Test
    void usage_and_configuration_errors_are_one_line_on_stderr_and_nothing_on_stdout() throws Exception {
        Run usage = run(judgeEnv(), "eval", SAMPLE.toString(), "--run-mode", "warp");
        assertThat(usage.exit()).isEqualTo(2);
        assertThat(usage.out()).isEmpty();
        assertThat(usage.err().lines().toList()).singleElement().asString().contains("--run-mode must be one of");

        Run noJudge = run(Map.of(), "eval", SAMPLE.toString(), "--metrics", "correctness", "--out", "nojudge");
        assertThat(noJudge.exit()).isEqualTo(3);
        assertThat(noJudge.err().strip().lines().reduce((a, b) -> b).orElseThrow())
                .contains("no judge is configured");

        Run metrics = run(Map.of(), "metrics", "--json");
        assertThat(metrics.exit()).isZero();
        assertThat(new ObjectMapper().readTree(metrics.out()).isArray()).isTrue();
        assertThat(metrics.err()).isEmpty();
    }

    @Test
    void the_launcher_maps_the_cds_archive_and_the_completion_script_names_the_commands() throws Exception {
        Path launcher = MODULE.resolve("railguard");
        assertThat(launcher).isExecutable();
        // -Xshare:on makes the JVM fail instead of silently starting without the archive
        Run version = exec(List.of("sh", launcher.toString(), "--version"), Map.of("JAVA_OPTS", "-Xshare:on",
                "JAVA", Path.of(System.getProperty("java.home"), "bin", "java").toString()));
        assertThat(version.exit()).as(version.err()).isZero();
        assertThat(version.out()).startsWith("railguard ");
        assertThat(MODULE.resolve("target/railguard.jsa")).exists();
        String completion = Files.readString(MODULE.resolve("target/railguard_completion"));
        assertThat(completion).contains("eval").contains("diff").contains("eval-run").contains("--fail-under");
    }
}
