package dev.railguard.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.EvaluatorSettings;
import dev.railguard.engine.JudgeTier;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.engine.SelfJudging;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import dev.railguard.spark.SparkEvaluationSpec;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import org.apache.spark.SparkConf;
import org.junit.jupiter.api.Test;

/** Where an executor's judge configuration comes from, and in which order. */
class EvaluatorHolderTest {

    private static final String CONF_KEY = "spark.railguard.judge.secret";

    @Test
    void the_key_comes_from_the_named_spark_conf_key_and_only_from_there() {
        SparkEvaluationSpec spec = SparkEvaluationSpec.builder().apiKeyFromSparkConf(CONF_KEY).build();
        SparkConf withKey = new SparkConf(false).set(CONF_KEY, "sk-from-conf");

        assertThat(EvaluatorHolder.judgeEnvironment(spec, Map.of(), new Properties(), Optional.of(withKey))
                .configured()).isTrue();
        assertThat(EvaluatorHolder.judgeEnvironment(spec, Map.of(), new Properties(),
                Optional.of(new SparkConf(false))).configured()).isFalse();
        // a conf key the spec does not name is not read
        SparkEvaluationSpec unnamed = SparkEvaluationSpec.builder().build();
        assertThat(EvaluatorHolder.judgeEnvironment(unnamed, Map.of(), new Properties(), Optional.of(withKey))
                .configured()).isFalse();
    }

    @Test
    void the_spec_wins_over_system_properties_which_win_over_the_environment() {
        Map<String, String> env = Map.of("RAILGUARD_JUDGE_BASE_URL", "http://from-env/v1",
                "RAILGUARD_JUDGE_MODEL", "env-model", "RAILGUARD_JUDGE_MODEL_STRONG", "env-strong");
        Properties system = new Properties();
        system.setProperty("railguard.judge.model", "property-model");
        system.setProperty("railguard.judge.baseUrl", "http://from-property/v1");
        system.setProperty("unrelated.setting", "ignored");
        SparkEvaluationSpec spec = SparkEvaluationSpec.builder().judgeSetting("baseUrl", "http://from-spec/v1").build();

        JudgeEnvironment e = EvaluatorHolder.judgeEnvironment(spec, env, system, Optional.empty());

        assertThat(e.baseUrl()).isEqualTo("http://from-spec/v1");
        assertThat(e.models(JudgeTier.STANDARD)).containsExactly("property-model");
        assertThat(e.models(JudgeTier.STRONG)).containsExactly("env-strong");
    }

    @Test
    void the_executors_evaluator_is_built_with_the_specs_settings_and_its_cache_directory() throws Exception {
        EvaluatorSettings settings = RailguardEvaluator.builder().maxCallAttempts(2)
                .evaluationTimeout(Duration.ofSeconds(45)).selfJudging(SelfJudging.ALLOW_WITH_WARNING).settings();
        Path cache = Files.createTempDirectory("railguard-spark-cache");
        SparkEvaluationSpec spec = SparkEvaluationSpec.builder().evaluatorSettings(settings)
                .concurrencyPerExecutor(3).cacheDirectory(cache.toString()).skipJudgedMetricsWhenNoJudge(true).build();

        try (RailguardEvaluator evaluator = EvaluatorHolder.build(spec, Optional.empty())) {
            assertThat(evaluator.settings().maxCallAttempts()).isEqualTo(2);
            assertThat(evaluator.settings().evaluationTimeout()).isEqualTo(Duration.ofSeconds(45));
            assertThat(evaluator.settings().selfJudging()).isEqualTo(SelfJudging.ALLOW_WITH_WARNING);
            assertThat(evaluator.settings().maxConcurrentJudgeCalls()).isEqualTo(3);
            assertThat(evaluator.settings().cache()).as("a cache directory turns the cache on").isTrue();
        }
    }
}
