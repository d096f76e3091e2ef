package dev.railguard.samples;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.config.RailguardProject;
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
        SparkSession spark = SparkSession.builder().master("local[*]").appName("railguard-spark-sample")
                .config("spark.ui.enabled", "false").getOrCreate();
        try {
            Dataset<Row> results = run(spark, JudgeEnvironment.fromSystem().configured(), outDir);
            RailguardSpark.perMetric(results).createOrReplaceTempView("verdicts");
            spark.sql("SELECT metric, verdict, count(*) AS events, round(avg(score), 3) AS mean_score,"
                    + " sum(judge_calls) AS judge_calls FROM verdicts GROUP BY metric, verdict ORDER BY metric, verdict")
                    .show(100, false);
            results.where("status = 'skipped'").select("id", "reason").show(false);
            System.out.println("results: " + outDir.resolve(PARQUET).toAbsolutePath());
        } finally {
            spark.stop();
        }
    }

    /** Where the results go, under the output directory. */
    static final String PARQUET = "spark-results.parquet";

    /**
     * Evaluates the bundled dataset with the judge of the executors' environment (or, without one, the offline checks
     * only), writes the results to Parquet under {@code outDir} and returns them as read back from there.
     */
    static Dataset<Row> run(SparkSession spark, boolean judgeConfigured, Path outDir) {
        Path input = MainJob.bundledDataset(outDir);
        SparkEvaluationSpec spec = SparkEvaluationSpec.builder()
                .project(RailguardProject.load(MainJob.bundledProject(outDir)))   // the sample's checks, on each executor
                .concurrencyPerExecutor(16)
                .skipJudgedMetricsWhenNoJudge(!judgeConfigured)
                .build();
        String parquet = outDir.resolve(PARQUET).toString();
        RailguardSpark.evaluate(spark.read().json(input.toString()), spec).write().mode("overwrite").parquet(parquet);
        return spark.read().parquet(parquet);
    }
}
