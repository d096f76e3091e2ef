package dev.railguard.samples;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.spark.RailguardSpark;
import dev.railguard.spark.SparkEvaluationSpec;
import java.nio.file.Path;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The bundled dataset evaluated on Spark ({@code local[*]}): the same events and checks as the main job, read with
 * {@code spark.read().json}, results written to Parquet and summed per metric with SQL. The judge comes from the
 * environment as for the main job ({@link JudgeEnvironment}); without one, the offline checks run and the judged
 * metrics are SKIPPED with how to configure one.
 *
 * <pre>{@code mvn -B -q -DskipTests package exec:exec@spark -pl samples -am}</pre>
 */
public final class SparkSample {

    private SparkSample() {}

    /** Runs the sample: {@code [output-directory]}, default {@code railguard-out}. */
    public static void main(String... args) {
        Path outDir = Path.of(args.length > 0 ? args[0] : "railguard-out");
        Path input = MainJob.bundledDataset(outDir);
        SparkSession spark = SparkSession.builder().master("local[*]").appName("railguard-spark-sample")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            SparkEvaluationSpec spec = SparkEvaluationSpec.builder()
                    .metricRegistry(MainJob::metrics)                 // the sample's own checks, built on each executor
                    .concurrencyPerExecutor(16)
                    .skipJudgedMetricsWhenNoJudge(!JudgeEnvironment.fromSystem().configured())
                    .build();
            Dataset<Row> results = RailguardSpark.evaluate(spark.read().json(input.toString()), spec);
            String parquet = outDir.resolve("spark-results.parquet").toString();
            results.write().mode("overwrite").parquet(parquet);

            RailguardSpark.perMetric(spark.read().parquet(parquet)).createOrReplaceTempView("verdicts");
            spark.sql("SELECT metric, verdict, count(*) AS events, round(avg(score), 3) AS mean_score,"
                    + " sum(judge_calls) AS judge_calls FROM verdicts GROUP BY metric, verdict ORDER BY metric, verdict")
                    .show(100, false);
            spark.read().parquet(parquet).where("status = 'skipped'").select("id", "reason").show(false);
            System.out.println("results: " + Path.of(parquet).toAbsolutePath());
        } finally {
            spark.stop();
        }
    }
}
