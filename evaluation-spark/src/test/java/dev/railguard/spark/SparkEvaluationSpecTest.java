package dev.railguard.spark;

import static dev.railguard.spark.SparkFixtures.KEY;
import static dev.railguard.spark.SparkFixtures.KEY_CONF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.RunMode;
import dev.railguard.spark.internal.PartitionEvaluator;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The spec travels to the executors whole, and never with a key. */
class SparkEvaluationSpecTest {

    private static SparkEvaluationSpec spec() {
        return SparkEvaluationSpec.builder()
                .metrics("correctness", "context_adherence").runMode(RunMode.PRECISION)
                .threshold("correctness", 0.9)
                .judgeSetting("baseUrl", "https://judge.example/v1").judgeSetting("model", "gpt-4o-mini")
                .judgeSetting("prices", SparkFixtures.PRICES)
                .apiKeyFromSparkConf(KEY_CONF)
                .clusterJudgeBudget(256, 10_000, 8)
                .cacheDirectory("/mnt/shared/railguard-cache")
                .callTimeout(Duration.ofSeconds(30))
                .metricRegistry(SparkFixtures::sampleMetrics)
                .build();
    }

    private static byte[] serialize(Object o) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(o);
        }
        return bytes.toByteArray();
    }

    @Test
    void the_spec_round_trips_through_java_serialization_without_the_key() throws Exception {
        SparkEvaluationSpec spec = spec();
        byte[] bytes = serialize(spec);
        SparkEvaluationSpec copy;
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes))) {
            copy = (SparkEvaluationSpec) in.readObject();
        }

        assertThat(copy.toString()).isEqualTo(spec.toString());
        // the id is the content: equal specs share an executor's evaluator, different ones do not
        assertThat(copy.id()).isEqualTo(spec.id()).isEqualTo(spec().id()).matches("[0-9a-f]{64}");
        assertThat(SparkEvaluationSpec.builder().concurrencyPerExecutor(7).build().id()).isNotEqualTo(spec.id());
        assertThat(copy.thresholds()).containsEntry("correctness", 0.9);
        assertThat(copy.concurrencyPerExecutor()).isEqualTo(32);
        assertThat(copy.evaluatorSettings()).isEqualTo(spec.evaluatorSettings());
        assertThat(copy.evaluatorSettings().callTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(copy.evaluatorSettings().maxConcurrentJudgeCalls()).isEqualTo(32);
        assertThat(copy.requestsPerMinutePerExecutor()).isEqualTo(1250);
        assertThat(copy.apiKeyConfKey()).contains(KEY_CONF);
        assertThat(copy.metricRegistry().get().names()).contains("order_json", "correctness");
        String text = new String(bytes, StandardCharsets.ISO_8859_1);
        assertThat(text).contains(KEY_CONF).doesNotContain(KEY);
        assertThat(spec.toString()).contains(KEY_CONF).doesNotContain(KEY);
        // the task closure Spark ships is the spec and nothing more
        assertThat(new String(serialize(new PartitionEvaluator(spec)), StandardCharsets.ISO_8859_1))
                .doesNotContain(KEY);
    }

    @Test
    void the_key_is_refused_as_a_judge_setting_and_unknown_settings_are_named() {
        assertThatThrownBy(() -> SparkEvaluationSpec.builder().judgeSetting("apiKey", KEY))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("the API key never travels in the spec")
                .hasMessageNotContaining(KEY);
        assertThatThrownBy(() -> SparkEvaluationSpec.builder().judgeSetting("temperature", "0"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("judge setting must be one of [baseUrl, model, model.code, model.fast, model.standard,"
                        + " model.strong, prices, timeoutSeconds], but was: 'temperature'");
        assertThatThrownBy(() -> SparkEvaluationSpec.builder().clusterJudgeBudget(4, 1000, 8))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("each of the 8 executors at least 1 call");
        assertThatThrownBy(() -> SparkEvaluationSpec.builder().concurrencyPerExecutor(0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("concurrencyPerExecutor must be at least 1, but was: 0");
    }
}
