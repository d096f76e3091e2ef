package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import dev.railguard.cli.RailguardCommand;
import dev.railguard.config.RailguardProject;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.StubAnthropicServer;
import dev.railguard.testkit.StubBatchServer;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The README's complete project file and its CSV run through {@code railguard eval} as written, against local stubs
 * of both declared providers (the only change: a {@code base_url} per judge, since tests reach no provider), and gate
 * as declared.
 */
class ReadmeProjectFileTest {

    private static final Path README = Path.of("..").toAbsolutePath().normalize().resolve("README.md");

    @TempDir
    Path dir;

    private static String block(String section, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(m.find()).as("a ```%s block", language).isTrue();
        return m.group(1);
    }

    private record Run(int code, String out, String err) {}

    private static Run railguard(Map<String, String> env, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int code = RailguardCommand.execute(env, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8), args);
        return new Run(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void the_readme_project_file_evaluates_its_csv_with_the_declared_checks_and_gates() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("## The project file");
        String section = readme.substring(start, readme.indexOf("\n## ", start + 5));
        String yaml = block(section, "yaml");
        Files.writeString(dir.resolve("faq.csv"), block(section, "csv"));
        try (StubOpenAiServer openai = StubOpenAiServer.start(r -> StubReply.content(JudgeReplies.satisfying(r)));
             StubAnthropicServer anthropic = StubAnthropicServer.start(r -> StubAnthropicServer.text(
                     JudgeReplies.instanceOf(r.json().at("/output_config/format/schema")).toString()))) {
            Path file = Files.writeString(dir.resolve("railguard.yaml"), yaml
                    .replace("    api_key: ${OPENAI_API_KEY}", "    api_key: ${OPENAI_API_KEY}\n    base_url: "
                            + openai.baseUrl())
                    .replace("    api_key: ${ANTHROPIC_API_KEY}", "    api_key: ${ANTHROPIC_API_KEY}\n    base_url: "
                            + anthropic.baseUrl()));
            assertThat(RailguardProject.check(file)).isEmpty();
            Map<String, String> env = Map.of("OPENAI_API_KEY", "sk-test-openai", "ANTHROPIC_API_KEY", "sk-ant-test");
            Run valid = railguard(env, "validate", "--config", file.toString(), "--env");
            assertThat(valid.code()).as(valid.err()).isZero();

            Run run = railguard(env, "eval", "--config", file.toString(), "--progress", "quiet");
            assertThat(run.code()).as(run.err()).isZero();
            assertThat(run.out()).containsPattern("correctness\\s+2\\s+0\\s+0\\s+0")
                    .containsPattern("ground_truth_adherence\\s+2\\s+0\\s+0\\s+0")
                    .containsPattern("helpful_answer\\s+2\\s+0\\s+0\\s+0")
                    .containsPattern("price_match\\s+2\\s+0\\s+0\\s+0")
                    .containsPattern("emails\\s+2\\s+0\\s+0\\s+0")
                    .containsPattern("no_internal_links\\s+1\\s+1\\s+0\\s+0");
            assertThat(dir.resolve("railguard-out/report.html")).content().contains("<title>FAQ answers</title>");
            assertThat(openai.requests()).isNotEmpty();

            Run gated = railguard(env, "eval", "--config", file.toString(), "--progress", "quiet", "--fail-under",
                    "no_internal_links=1.0");
            assertThat(gated.code()).isEqualTo(1);
            assertThat(gated.err()).contains("gate failed: no_internal_links pass rate 0.500 < 1.0");
        }
    }

    @Test
    void the_readme_nightly_project_file_sends_the_sample_through_one_batch_at_half_the_cost() throws Exception {
        String readme = Files.readString(README);
        int start = readme.indexOf("## Offline runs at batch prices");
        String yaml = block(readme.substring(start, readme.indexOf("\n## ", start + 5)), "yaml");
        Files.copy(Path.of("src/main/resources/dev/railguard/samples/sample-events.jsonl"),
                dir.resolve("events.jsonl"));
        try (StubBatchServer batches = StubBatchServer.start(r -> StubReply.content(JudgeReplies.satisfying(r)))) {
            Path file = Files.writeString(dir.resolve("railguard.yaml"), yaml.replace("    api_key: ${OPENAI_API_KEY}",
                    "    api_key: ${OPENAI_API_KEY}\n    base_url: " + batches.openAiBaseUrl()));
            assertThat(RailguardProject.check(file)).isEmpty();

            Run run = railguard(Map.of("OPENAI_API_KEY", "sk-test-openai"), "eval", "--config", file.toString(),
                    "--progress", "quiet", "--batch-poll", "20");   // the option wins over poll_seconds: 30
            assertThat(run.err()).contains("round 1: submitted batch batch_", "recorded in "
                    + dir.resolve("nightly/batch-jobs.json"));
            assertThat(batches.batchesCreated()).isEqualTo(1);
            JsonNode usage = new ObjectMapper().readTree(dir.resolve("nightly/summary.json").toFile()).path("usage");
            assertThat(usage.path("judge_calls").asInt()).isEqualTo(batches.linesAnswered()).isPositive();
            assertThat(usage.path("synchronous_cost").asDouble()).isCloseTo(2 * usage.path("cost").asDouble(),
                    within(1e-12)).isPositive();
        }
    }
}
