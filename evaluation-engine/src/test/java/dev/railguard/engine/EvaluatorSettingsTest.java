package dev.railguard.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.ObjectInputStream;
import java.io.ObjectOutputStream;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class EvaluatorSettingsTest {

    private static final EvaluatorSettings CHANGED = new EvaluatorSettings(4, 2, 512, false, Duration.ofSeconds(9),
            Duration.ofSeconds(40), 7, Duration.ofMillis(50), Duration.ofSeconds(2), Duration.ofSeconds(5),
            Duration.ofSeconds(11), true, 99,
            Duration.ofHours(3), 12, 20_000, 2, SelfJudging.ALLOW_WITH_WARNING);

    @Test
    void a_new_builder_starts_from_the_defaults_and_an_evaluator_reports_them() {
        assertThat(RailguardEvaluator.builder().settings()).isEqualTo(EvaluatorSettings.DEFAULTS);
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().build()) {
            assertThat(evaluator.settings()).isEqualTo(EvaluatorSettings.DEFAULTS);
        }
    }

    @Test
    void every_setting_reaches_the_evaluator_and_each_builder_method_changes_its_own_component() {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder().settings(CHANGED).build()) {
            assertThat(evaluator.settings()).isEqualTo(CHANGED);
        }
        EvaluatorSettings one = RailguardEvaluator.builder().maxCallAttempts(3).evaluationTimeout(Duration.ofSeconds(1))
                .selfJudging(SelfJudging.ALLOW_WITH_WARNING).settings();
        assertThat(one.maxCallAttempts()).isEqualTo(3);
        assertThat(one.evaluationTimeout()).isEqualTo(Duration.ofSeconds(1));
        assertThat(one.selfJudging()).isEqualTo(SelfJudging.ALLOW_WITH_WARNING);
        assertThat(one.callTimeout()).isEqualTo(EvaluatorSettings.DEFAULTS.callTimeout());
    }

    @Test
    void settings_back_to_the_defaults_clear_what_was_set_before() {
        EvaluatorSettings back = RailguardEvaluator.builder().settings(CHANGED).settings(EvaluatorSettings.DEFAULTS)
                .settings();
        assertThat(back).isEqualTo(EvaluatorSettings.DEFAULTS);
    }

    @Test
    void settings_out_of_range_are_refused_with_the_builder_methods_wording() {
        EvaluatorSettings tooMany = new EvaluatorSettings(16, 0, 2048, true, Duration.ofMinutes(2), Duration.ZERO, 21,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), false,
                10_000,
                Duration.ofDays(14), 256, 100_000, 3, SelfJudging.REFUSE);
        assertThatThrownBy(() -> RailguardEvaluator.builder().settings(tooMany))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxCallAttempts must be between 1 and 20, but was: 21");
        assertThatThrownBy(() -> new EvaluatorSettings(16, 0, 2048, true, Duration.ofMinutes(2), null, 5,
                Duration.ofMillis(500), Duration.ofSeconds(30), Duration.ofSeconds(60), Duration.ofSeconds(30), false,
                10_000,
                Duration.ofDays(14), 256, 100_000, 3, SelfJudging.REFUSE))
                .isInstanceOf(NullPointerException.class)
                .hasMessage("evaluationTimeout must not be null (Duration.ZERO for none)");
    }

    @Test
    void the_settings_survive_java_serialization_as_a_spark_spec_ships_them() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ObjectOutputStream out = new ObjectOutputStream(bytes)) {
            out.writeObject(CHANGED);
        }
        try (ObjectInputStream in = new ObjectInputStream(new ByteArrayInputStream(bytes.toByteArray()))) {
            assertThat(in.readObject()).isEqualTo(CHANGED);
        }
    }
}
