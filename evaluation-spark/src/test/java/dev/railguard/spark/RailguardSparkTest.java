package dev.railguard.spark;

import dev.railguard.batch.ColumnMapping;
import static dev.railguard.spark.SparkFixtures.KEY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.railguard.batch.BatchEvaluator;
import dev.railguard.batch.BatchSummary;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.config.JudgeEnvironment;
import dev.railguard.testkit.StubOpenAiServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
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
                "RAILGUARD_JUDGE_API_KEY", KEY, "RAILGUARD_JUDGE_PRICES", SparkFixtures.PRICES,
                "RAILGUARD_JUDGE_MODEL", SparkFixtures.JUDGE_MODEL), new Properties());
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
        Dataset<Row> results = RailguardSpark.evaluate(events, SparkFixtures.spec(server.baseUrl()).build());
        List<Row> rows = results.collectAsList();

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
        assertThat(results.queryExecution().toString()).doesNotContain(KEY);   // the plan the Spark UI shows
    }

    @Test
    void bad_rows_become_skipped_rows_with_the_reason_and_judge_failures_error_rows() throws IOException {
        Path events = dir.resolve("events.jsonl");
        Files.write(events, List.of(
                "{\"id\": \"fine\", \"model_input\": {\"user_prompt\": \"Capital of France?\"},"
                        + " \"model_output\": \"Paris.\", \"guardrail_metrics\": [\"correctness\"]}",
                "this line is not JSON",
                "{\"id\": \"no-output\", \"model_input\": {\"user_prompt\": \"Q?\"},"
                        + " \"guardrail_metrics\": [\"correctness\"]}",
                "{\"id\": \"unknown-metric\", \"model_input\": {\"user_prompt\": \"Q?\"},"
                        + " \"model_output\": \"A.\", \"guardrail_metrics\": [\"truthiness\"]}",
                "{\"id\": \"judge-refuses\", \"model_input\": {\"user_prompt\": \"JUDGE-REFUSES this\"},"
                        + " \"model_output\": \"A.\", \"guardrail_metrics\": [\"correctness\", \"pii\"]}"));

        List<Row> rows = RailguardSpark.evaluate(spark.read().json(events.toString()),
                SparkFixtures.spec(server.baseUrl()).build()).collectAsList();

        Map<String, Row> byId = new TreeMap<>();
        rows.forEach(r -> byId.put(String.valueOf(r.<String>getAs("id")), r));
        assertThat(byId).containsOnlyKeys("fine", "null", "no-output", "unknown-metric", "judge-refuses");
        assertThat(byId.get("fine").<String>getAs("outcome")).isEqualTo("pass");
        assertThat(byId.get("null").<String>getAs("status")).isEqualTo("skipped");
        assertThat(byId.get("null").<String>getAs("reason")).contains("not valid JSON").contains("_corrupt_record");
        assertThat(byId.get("no-output").<String>getAs("reason"))
                .isEqualTo("model_output is required (the output to evaluate, a string), but was missing");
        assertThat(byId.get("unknown-metric").<String>getAs("status")).isEqualTo("skipped");
        assertThat(byId.get("unknown-metric").<String>getAs("reason")).contains("truthiness");
        Row refused = byId.get("judge-refuses");
        assertThat(refused.<String>getAs("status")).isEqualTo("completed");
        assertThat(refused.<String>getAs("outcome")).isEqualTo("error");
        assertThat(refused.getBoolean(refused.fieldIndex("passed"))).isFalse();
        Map<String, Row> metrics = refused.getJavaMap(refused.fieldIndex("metrics"));
        assertThat(metrics.get("correctness").<String>getAs("verdict")).isEqualTo("error");
        assertThat(metrics.get("correctness").<Double>getAs("score")).isNull();
        assertThat(metrics.get("correctness").<String>getAs("rationale")).contains("400");
        assertThat(metrics.get("pii").<String>getAs("verdict")).isEqualTo("pass");
    }

    @Test
    void a_row_the_judge_model_wrote_under_a_dated_name_is_skipped_naming_the_spec_setting_unless_allowed()
            throws IOException {
        Path events = dir.resolve("self.jsonl");
        Files.write(events, List.of("{\"id\": \"self\", \"model_input\": {\"user_prompt\": \"Capital of France?\"},"
                + " \"model_output\": \"Paris.\", \"model_used\": \"openai/" + SparkFixtures.JUDGE_MODEL
                + "-2024-08-06\", \"guardrail_metrics\": [\"correctness\"]}"));

        Row refused = RailguardSpark.evaluate(spark.read().json(events.toString()),
                SparkFixtures.spec(server.baseUrl()).build()).collectAsList().get(0);
        assertThat(refused.<String>getAs("status")).isEqualTo("skipped");
        assertThat(refused.<String>getAs("reason")).contains("so a model would judge its own output")
                .endsWith("or allow it with SparkEvaluationSpec.builder().evaluatorSettings(RailguardEvaluator"
                        + ".builder().selfJudging(SelfJudging.ALLOW_WITH_WARNING).settings())");
        assertThat(server.requests()).isEmpty();

        Row allowed = RailguardSpark.evaluate(spark.read().json(events.toString()), SparkFixtures.spec(server.baseUrl())
                .evaluatorSettings(RailguardEvaluator.builder()
                        .selfJudging(dev.railguard.engine.SelfJudging.ALLOW_WITH_WARNING).settings())
                .build()).collectAsList().get(0);
        assertThat(allowed.<String>getAs("status")).isEqualTo("completed");
        assertThat(allowed.<String>getAs("outcome")).isEqualTo("pass");
    }

    @Test
    void any_table_through_a_column_mapping_from_parquet_to_parquet_and_the_long_form() {
        StructType schema = new StructType().add("request_id", DataTypes.LongType)
                .add("question", DataTypes.StringType).add("answer", DataTypes.StringType)
                .add("passages", DataTypes.createArrayType(DataTypes.StringType)).add("expected", DataTypes.StringType);
        String policy = "Unused items can be returned within 30 days of delivery.";
        spark.createDataFrame(List.of(
                        RowFactory.create(1L, "How long can I return items?", "Within 30 days.", List.of(policy),
                                "30 days"),
                        RowFactory.create(2L, "How long can I return items?", "WRONG: within 90 days.",
                                List.of(policy), "30 days")), schema)
                .write().parquet(dir.resolve("events.parquet").toString());
        Dataset<Row> table = spark.read().parquet(dir.resolve("events.parquet").toString());
        ColumnMapping mapping = ColumnMapping.builder().id("request_id").userPrompt("question").output("answer")
                .documents("passages").groundTruth("expected").build();
        SparkEvaluationSpec spec = SparkFixtures.spec(server.baseUrl())
                .metrics("context_adherence", "ground_truth_adherence").threshold("context_adherence", 0.4)
                .columns(mapping).build();

        RailguardSpark.evaluate(table, spec).write().parquet(dir.resolve("results.parquet").toString());

        Dataset<Row> results = spark.read().parquet(dir.resolve("results.parquet").toString());
        assertThat(results.schema()).isEqualTo(RailguardSpark.resultSchema().asNullable());
        List<Row> longForm = new ArrayList<>(RailguardSpark.perMetric(results).collectAsList());
        longForm.sort(Comparator.comparing(r -> r.getAs("id") + " " + r.getAs("metric")));
        assertThat(longForm).extracting(r -> r.getAs("id") + " " + r.getAs("metric") + " " + r.getAs("verdict") + " "
                + r.getAs("threshold")).containsExactly(
                "1 context_adherence pass 0.4", "1 ground_truth_adherence pass 0.8",
                "2 context_adherence pass 0.4", "2 ground_truth_adherence fail 0.8");
        assertThat(longForm.get(3).<Double>getAs("score")).isEqualTo(0.5);
        List<Row> failing = longForm.get(3).getList(longForm.get(3).fieldIndex("failing_units"));
        assertThat(failing).extracting(u -> u.<String>getAs("reason")).containsExactly("Contradicted.");
        assertThat(longForm).allSatisfy(r -> assertThat(r.<Integer>getAs("judge_calls")).isEqualTo(1));
    }

    @Test
    void a_mapped_column_that_is_missing_or_of_the_wrong_type_is_refused_before_anything_runs() {
        Dataset<Row> table = spark.createDataFrame(List.of(RowFactory.create(1L, "Q?", "A.")), new StructType()
                .add("n", DataTypes.LongType).add("q", DataTypes.StringType).add("a", DataTypes.StringType));
        SparkEvaluationSpec.Builder spec = SparkFixtures.spec(server.baseUrl()).metrics("correctness");

        assertThatThrownBy(() -> RailguardSpark.evaluate(table, spec.columns(ColumnMapping.builder().userPrompt("q")
                .output("answer").build()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column mapping: the model_output column 'answer' is not in the table; its columns are"
                        + " [n, q, a]");
        assertThatThrownBy(() -> RailguardSpark.evaluate(table, spec.columns(ColumnMapping.builder().userPrompt("n")
                .output("a").build()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("column mapping: the user_prompt column 'n' must be a string column, but was bigint");
        assertThatThrownBy(() -> RailguardSpark.evaluate(table, SparkFixtures.spec(server.baseUrl()).build()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("events must have the columns of DeepRails events");
        assertThat(server.requests()).isEmpty();
    }

    private static String metric(String name, String verdict, Double score, double threshold, String rationale) {
        return String.format(Locale.ROOT, " | %s: %s score=%s threshold=%s rationale=%s", name, verdict, score,
                threshold, rationale);
    }

    private static String usage(int calls, long in, long out, double cost) {
        return String.format(Locale.ROOT, " | usage: calls=%d in=%d out=%d cost=%s", calls, in, out, cost);
    }
}
