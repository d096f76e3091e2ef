package dev.railguard.spark.internal;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.config.JudgeEnvironment;
import dev.railguard.engine.JudgeTier;
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
}
