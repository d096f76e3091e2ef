package dev.railguard.spark;

import dev.railguard.engine.MetricRegistry;
import dev.railguard.metrics.ContainsMetric;
import dev.railguard.metrics.JsonSchemaMetric;
import dev.railguard.metrics.RegexMetric;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubReply;
import java.nio.file.Path;
import java.util.Set;
import java.util.regex.Pattern;
import org.apache.spark.sql.SparkSession;

/** What the Spark tests share: the session settings, the stub judge's replies, the sample dataset and its checks. */
final class SparkFixtures {

    /** The key the executors read from the Spark configuration; it must reach the judge and nothing else. */
    static final String KEY = "sk-test-4f1c9a7e2b6d8053";
    static final String KEY_CONF = "spark.railguard.judge.secret";
    /**
     * The judge's model: not one that wrote the sample outputs (gpt-4o-mini among them), since an evaluator refuses a
     * model judging its own output by default.
     */
    static final String JUDGE_MODEL = "gpt-4o";
    static final String PRICES = JUDGE_MODEL + "=0.15:0.60";

    private static final Set<String> JUDGED = Set.of("correctness", "completeness", "instruction_adherence",
            "context_adherence", "ground_truth_adherence", "comprehensive_safety");

    private SparkFixtures() {}

    /** A session for one test class: no UI, two shuffle partitions, the key under {@link #KEY_CONF}. */
    static SparkSession session(String master, String name) {
        return SparkSession.builder().master(master).appName(name)
                .config("spark.ui.enabled", "false")
                .config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1")
                .config("spark.driver.bindAddress", "127.0.0.1")
                .config(KEY_CONF, KEY)
                .getOrCreate();
    }

    /** The bundled dataset of the samples module (54 events, line 26 lacks its ground truth). */
    static Path sampleData() {
        return Path.of(System.getProperty("railguard.sampleData"));
    }

    /**
     * The stub judge: scripted units for the six judged metrics in {@code fast} (an answer that mentions "90 days"
     * or "WRONG" gets an N unit), a reply shaped by the schema for any other call; {@code 400} when the user text
     * holds "JUDGE-REFUSES".
     */
    static StubReply reply(RecordedRequest request) {
        if (request.userText().contains("JUDGE-REFUSES")) {
            return StubReply.status(400);
        }
        String metric = request.schemaName().replace("railguard_", "").replace("_units", "");
        if (!JUDGED.contains(metric)) {
            return StubReply.content(JudgeReplies.satisfying(request), 300, 40);
        }
        boolean wrong = request.userText().contains("90 days") || request.userText().contains("WRONG");
        return StubReply.content(JudgeReplies.units()
                .unit("first unit", "Y", "high", "Supported.")
                .unit("second unit", wrong ? "N" : "Y", "certain", wrong ? "Contradicted." : "Fine.")
                .json(), 400, 60);
    }

    /** The installed metrics plus the sample's own offline checks, as the main job registers them. */
    static MetricRegistry sampleMetrics() {
        return MetricRegistry.installed().with(
                JsonSchemaMetric.named("order_json", """
                        {"$schema": "https://json-schema.org/draft/2020-12/schema",
                         "type": "object", "additionalProperties": false, "required": ["sku", "qty", "express"],
                         "properties": {"sku": {"type": "string", "pattern": "^[A-Z]{2,4}-[0-9]{1,4}$"},
                                        "qty": {"type": "integer", "minimum": 1},
                                        "express": {"type": "boolean"}}}"""),
                ContainsMetric.none("no_blame_language", "your fault", "you should have"),
                RegexMetric.mustNotMatch("no_internal_links",
                        Pattern.compile("\\b[\\w.-]+\\.(?:internal|corp|local)\\b")));
    }

    /** A spec against {@code baseUrl} with the key from {@link #KEY_CONF} and the sample's checks. */
    static SparkEvaluationSpec.Builder spec(String baseUrl) {
        return SparkEvaluationSpec.builder()
                .judgeSetting("baseUrl", baseUrl)
                .judgeSetting("model", JUDGE_MODEL)
                .judgeSetting("prices", PRICES)
                .apiKeyFromSparkConf(KEY_CONF)
                .metricRegistry(SparkFixtures::sampleMetrics)
                .concurrencyPerExecutor(8);
    }
}
