package dev.railguard.spark;

import dev.railguard.format.DeepRailsField;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.explode_outer;

import dev.railguard.spark.internal.EventShape;
import dev.railguard.spark.internal.PartitionEvaluator;
import dev.railguard.spark.internal.ResultRows;
import java.util.Objects;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.StructType;

/**
 * Evaluates a {@code Dataset<Row>} of recorded events on the executors and returns a {@code Dataset<Row>} of
 * results, with the verdicts, scores and usage a single-JVM batch run gives on the same events.
 *
 * <pre>{@code
 * Dataset<Row> events = spark.read().json("s3://bucket/events/");          // DeepRails event shape
 * SparkEvaluationSpec spec = SparkEvaluationSpec.builder()
 *         .judgeSetting("model", "gpt-4o-mini").apiKeyFromSparkConf("spark.railguard.judge.secret")
 *         .concurrencyPerExecutor(32).cacheDirectory("/mnt/shared/railguard-cache").build();
 * Dataset<Row> results = RailguardSpark.evaluate(events, spec);
 * results.write().parquet("s3://bucket/results/");
 * RailguardSpark.perMetric(results).groupBy("metric", "verdict").count().show();
 * }</pre>
 *
 * <p><b>Input</b>: rows of the DeepRails event shape that batch files use ({@code model_input} with
 * {@code user_prompt}, {@code system_prompt}, {@code ground_truth}, {@code context}, {@code documents};
 * {@code model_output}, {@code model_used}, {@code run_mode}, {@code nametag}, {@code guardrail_metrics}, {@code id}),
 * as {@code spark.read().json(path)} reads them; or any table through {@link SparkEvaluationSpec.Builder#columns}.
 *
 * <p><b>Output</b>, one row per input row ({@link #resultSchema()}):
 * <table>
 * <caption>Result columns</caption>
 * <tr><td>id</td><td>the event's {@code id}, for joining back</td></tr>
 * <tr><td>event_id</td><td>{@code evt_...}, null when skipped</td></tr>
 * <tr><td>status</td><td>{@code completed}, {@code failed}, {@code canceled}, or {@code skipped} when the row could
 * not become a request</td></tr>
 * <tr><td>reason</td><td>why it was skipped or failed, else null</td></tr>
 * <tr><td>passed, outcome</td><td>every metric PASS; {@code fail}, {@code error}, {@code incomplete}, {@code pass}
 * or {@code skipped}</td></tr>
 * <tr><td>nametag, run_mode, model_used</td><td>from the event</td></tr>
 * <tr><td>metrics</td><td>map from metric name to a struct: verdict ({@code pass}, {@code fail}, {@code error},
 * {@code skipped}), score (null on error and skipped), threshold, rationale, failing_units (text, kind, label,
 * confidence, judge, reason), judge_calls, cache_hits, input_tokens, output_tokens, cost</td></tr>
 * <tr><td>usage</td><td>struct: judge_calls, cache_hits, input_tokens, output_tokens, cost, judge_time_ms</td></tr>
 * <tr><td>elapsed_ms</td><td>the evaluation's wall time</td></tr>
 * </table>
 * A judge failure is an {@code error} verdict with the cause in the rationale; a bad row never fails the job.
 */
public final class RailguardSpark {

    private RailguardSpark() {}

    /**
     * The results of evaluating {@code events} with {@code spec}, lazily: nothing runs until an action (write,
     * count, collect). Each executor builds one evaluator per spec, shared by its tasks.
     *
     * @throws IllegalArgumentException when the table has no event columns, or a mapped column is missing or of
     *                                  the wrong type
     */
    public static Dataset<Row> evaluate(Dataset<Row> events, SparkEvaluationSpec spec) {
        Objects.requireNonNull(events, "events must not be null");
        Objects.requireNonNull(spec, "spec must not be null");
        return EventShape.json(events, spec)
                .mapPartitions(new PartitionEvaluator(spec), Encoders.row(ResultRows.SCHEMA));
    }

    /**
     * The long form of {@code results}: one row per event and metric, for SQL aggregation. Columns: id, event_id,
     * status, reason, nametag, run_mode, model_used, metric, and the metric struct's fields (verdict, score,
     * threshold, rationale, failing_units, judge_calls, cache_hits, input_tokens, output_tokens, cost). A skipped
     * event keeps one row, with a null metric.
     */
    public static Dataset<Row> perMetric(Dataset<Row> results) {
        Objects.requireNonNull(results, "results must not be null");
        return results.select(col("id"), col("event_id"), col("status"), col("reason"), col(DeepRailsField.NAMETAG.key()),
                        col(DeepRailsField.RUN_MODE.key()), col(DeepRailsField.MODEL_USED.key()), explode_outer(col("metrics")).as(new String[] {"metric", "m"}))
                .select(col("id"), col("event_id"), col("status"), col("reason"), col(DeepRailsField.NAMETAG.key()), col(DeepRailsField.RUN_MODE.key()),
                        col(DeepRailsField.MODEL_USED.key()), col("metric"), col("m.*"));
    }

    /** The schema of {@link #evaluate}'s rows. */
    public static StructType resultSchema() {
        return ResultRows.SCHEMA;
    }
}
