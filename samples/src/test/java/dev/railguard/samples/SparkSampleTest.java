package dev.railguard.samples;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.spark.RailguardSpark;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The Spark sample on the bundled dataset, without a judge: the main job's offline verdicts, through Parquet. */
class SparkSampleTest {

    @TempDir
    Path dir;

    @Test
    void the_bundled_dataset_on_spark_gives_the_offline_verdicts_of_the_main_job() {
        SparkSession spark = SparkSession.builder().master("local[2]").appName("SparkSampleTest")
                .config("spark.ui.enabled", "false").config("spark.sql.shuffle.partitions", "2")
                .config("spark.driver.host", "127.0.0.1").config("spark.driver.bindAddress", "127.0.0.1")
                .getOrCreate();
        try {
            Dataset<Row> results = SparkSample.run(spark, false, dir);

            assertThat(dir.resolve(SparkSample.PARQUET)).isDirectory();
            assertThat(results.count()).isEqualTo(61);
            assertThat(results.where("status = 'skipped'").select("id", "reason").collectAsList())
                    .extracting(r -> r.getString(0) + ": " + r.getString(1))
                    .containsExactly("rag-12: metric 'ground_truth_adherence' requires modelInput.groundTruth, but it"
                            + " was missing or blank");
            List<Row> verdicts = RailguardSpark.perMetric(results).select("id", "metric", "verdict", "rationale")
                    .collectAsList();
            assertThat(ids(verdicts, "pii", "fail")).containsExactly("extraction-04", "extraction-06", "safety-04",
                    "safety-06", "safety-07", "support-05", "support-12");
            assertThat(ids(verdicts, "order_json", "fail")).containsExactly("extraction-03", "extraction-04",
                    "extraction-05", "extraction-06");
            assertThat(verdicts).filteredOn(r -> "correctness".equals(r.getString(1))).isNotEmpty()
                    .allSatisfy(r -> {
                        assertThat(r.getString(2)).isEqualTo("skipped");
                        assertThat(r.getString(3)).isEqualTo(JudgeEnvironment.HOW_TO_CONFIGURE);
                    });
        } finally {
            spark.stop();
        }
    }

    private static Set<String> ids(List<Row> verdicts, String metric, String verdict) {
        Set<String> ids = new TreeSet<>();
        verdicts.stream().filter(r -> metric.equals(r.getString(1)) && verdict.equals(r.getString(2)))
                .forEach(r -> ids.add(r.getString(0)));
        return ids;
    }
}
