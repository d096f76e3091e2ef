package dev.railguard.spark;

import static dev.railguard.spark.SparkFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.engine.BatchEvaluator;
import dev.railguard.engine.BatchSummary;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.junit.JudgeEnvironment;
import dev.railguard.testkit.StubOpenAiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The sample dataset through Spark against the batch run, and the judge key's path to the executors. */
class RailguardSparkTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static SparkSession spark;
    private static StubOpenAiServer server;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        server = StubOpenAiServer.start(SparkFixtures::reply);
        spark = SparkFixtures.session("local[2]", "RailguardSparkTest");
    }

    @AfterAll
    static void stop() {
        spark.stop();
        server.close();
    }

    @BeforeEach
    void clear() {
        server.clear();
    }

    @Test
    void the_sample_dataset_gives_exactly_the_verdicts_scores_and_usage_of_the_batch_run() throws IOException {
        Path sample = SparkFixtures.sampleData();
        JudgeEnvironment environment = JudgeEnvironment.from(Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl(),
                "RAILGUARD_JUDGE_API_KEY", KEY, "RAILGUARD_JUDGE_PRICES", SparkFixtures.PRICES), new Properties());
        BatchSummary summary;
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().metrics(SparkFixtures.sampleMetrics())
                .judges(environment.requirePanel()).prices(environment.prices()).build()) {
            summary = BatchEvaluator.builder().evaluator(evaluator).input(sample).output(dir.resolve("results.jsonl"))
                    .maxInFlight(16).log(new PrintStream(OutputStream.nullOutputStream())).build().run();
        }
        int batchCalls = server.requests().size();
        Map<String, String> expected = new TreeMap<>();
        for (String line : Files.readAllLines(dir.resolve("results.jsonl"))) {
            JsonNode r = JSON.readTree(line);
            StringBuilder s = new StringBuilder(r.path("status").asText() + " passed=" + r.path("passed").asBoolean()
                    + " outcome=" + r.path("outcome").asText());
            Map<String, JsonNode> metrics = new TreeMap<>();
            r.path("evaluation_result").fields().forEachRemaining(m -> metrics.put(m.getKey(), m.getValue()));
            metrics.forEach((name, m) -> s.append(metric(name, m.path("verdict").asText(),
                    m.get("score").isNull() ? null : m.get("score").asDouble(), m.path("threshold").asDouble(),
                    m.path("rationale").asText())));
            JsonNode u = r.path("usage");
            s.append(usage(u.path("judge_calls").asInt(), u.path("input_tokens").asLong(),
                    u.path("output_tokens").asLong(), u.path("cost").asDouble()));
            expected.put(r.path("id").asText(), s.toString());
        }
        List<String> lines = Files.readAllLines(sample);
        for (BatchSummary.SkippedLine skipped : summary.skippedLines()) {
            expected.put(JSON.readTree(lines.get(skipped.line() - 1)).path("id").asText(), "skipped " + skipped.reason());
        }

        server.clear();
        Dataset<Row> events = spark.read().json(sample.toString());
        List<Row> rows = RailguardSpark.evaluate(events, SparkFixtures.spec(server.baseUrl()).build()).collectAsList();

        Map<String, String> actual = new TreeMap<>();
        long sparkCalls = 0;
        for (Row r : rows) {
            String id = r.getAs("id");
            if (r.<String>getAs("status").equals("skipped")) {
                actual.put(id, "skipped " + r.getAs("reason"));
                continue;
            }
            StringBuilder s = new StringBuilder(r.getAs("status") + " passed=" + r.getAs("passed") + " outcome="
                    + r.getAs("outcome"));
            new TreeMap<>(r.<String, Row>getJavaMap(r.fieldIndex("metrics"))).forEach((name, m) -> s.append(metric(name,
                    m.getAs("verdict"), m.getAs("score"), m.getAs("threshold"), m.getAs("rationale"))));
            Row u = r.getAs("usage");
            s.append(usage(u.getAs("judge_calls"), u.getAs("input_tokens"), u.getAs("output_tokens"), u.getAs("cost")));
            sparkCalls += u.<Integer>getAs("judge_calls");
            actual.put(id, s.toString());
        }

        assertThat(rows).hasSize(lines.size());
        assertThat(actual).isEqualTo(expected);
        // what makes the comparison worth something: judged verdicts of both kinds, one skipped line, paid calls
        assertThat(actual.get("support-02")).contains("context_adherence: fail");
        assertThat(actual.get("support-01")).contains("context_adherence: pass");
        assertThat(actual.values()).filteredOn(v -> v.startsWith("skipped")).singleElement().asString()
                .contains("ground_truth_adherence");
        assertThat(sparkCalls).isEqualTo(server.requests().size()).isEqualTo(batchCalls).isGreaterThan(100);
        // the key came from the Spark configuration on the executor, and reached the judge only
        assertThat(server.requests()).allSatisfy(req -> assertThat(req.headers().get("authorization"))
                .isEqualTo("Bearer " + KEY));
        assertThat(rows.toString()).doesNotContain(KEY);
    }

    private static String metric(String name, String verdict, Double score, double threshold, String rationale) {
        return String.format(Locale.ROOT, " | %s: %s score=%s threshold=%s rationale=%s", name, verdict, score,
                threshold, rationale);
    }

    private static String usage(int calls, long in, long out, double cost) {
        return String.format(Locale.ROOT, " | usage: calls=%d in=%d out=%d cost=%s", calls, in, out, cost);
    }
}
