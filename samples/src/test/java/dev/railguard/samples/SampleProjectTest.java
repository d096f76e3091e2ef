package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.cli.RailguardCommand;
import dev.railguard.config.RailguardProject;
import dev.railguard.testkit.StubOpenAiServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Properties;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sample's project file drives {@code railguard eval} over the bundled dataset with every one of its checks (the
 * sample's own order_json, no_blame_language and no_internal_links declared in YAML, semantic_similarity from the
 * class path) and a judge: every line but the deliberately bad line 26 is evaluated, and no metric is left undecided.
 */
class SampleProjectTest {

    static final Path FILE = Path.of("src/main/resources/dev/railguard/samples/railguard.yaml");

    @TempDir
    Path dir;

    @Test
    void railguard_eval_with_the_sample_project_file_and_a_judge_decides_every_metric_of_every_good_line()
            throws Exception {
        try (StubOpenAiServer server = StubOpenAiServer.start(MainJobTest::judge)) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            int code = RailguardCommand.execute(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl()),
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true,
                            StandardCharsets.UTF_8), "eval", "--config", FILE.toString(), "--out", dir.toString(),
                    "--progress", "quiet");
            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            JsonNode summary = new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
            assertThat(summary.path("events").asInt()).isEqualTo(60);
            assertThat(summary.path("skipped_lines").get(0).path("line").asInt()).isEqualTo(26);
            assertThat(summary.path("metrics").fieldNames()).toIterable().contains("order_json",
                    "no_blame_language", "no_internal_links", "semantic_similarity", "pii", "correctness");
            summary.path("metrics").forEach(m -> {
                assertThat(m.path("skipped").asInt()).isZero();
                assertThat(m.path("error").asInt()).isZero();
            });
            assertThat(out.toString(StandardCharsets.UTF_8)).containsPattern("order_json\\s+3\\s+4\\s+0\\s+0");
            assertThat(Files.readString(dir.resolve("report.html"))).contains("<title>Railguard sample report</title>");
        }
    }

    @Test
    void the_sample_project_file_is_valid_and_declares_the_sample_s_checks() {
        assertThat(RailguardProject.check(FILE)).isEmpty();
        RailguardProject p = RailguardProject.load(FILE, Map.of(), new Properties());
        assertThat(p.declaredMetrics()).containsExactly("order_json", "no_blame_language", "no_internal_links");
        assertThat(p.dataset("sample").path()).isEqualTo(FILE.toAbsolutePath().resolveSibling(MainJob.DATASET)
                .normalize());
    }
}
