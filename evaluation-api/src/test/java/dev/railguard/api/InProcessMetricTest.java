package dev.railguard.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class InProcessMetricTest {

    private static final InProcessMetric.Evaluation WORDS = (request, threshold) -> MetricResult.scored("words",
            Math.min(1.0, request.modelOutput().split(" ").length / 4.0), threshold, "words / 4", List.of(),
            Usage.NONE, List.of());

    @Test
    void a_metric_made_of_a_function_says_what_it_was_given_and_evaluates_with_it() {
        InProcessMetric m = InProcessMetric.of("words", 0.75, Set.of(InputRequirement.GROUND_TRUTH), WORDS);
        EvaluationRequest request = EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt("q"))
                .modelOutput("one two").metrics("words").build();

        assertThat(m.name()).isEqualTo("words");
        assertThat(m.description()).isEqualTo("In-process metric words.");
        assertThat(m.defaultThreshold()).isEqualTo(0.75);
        assertThat(m.requires()).containsExactly(InputRequirement.GROUND_TRUTH);
        MetricResult r = m.evaluate(request, 0.4);
        assertThat(r.score()).hasValue(0.5);
        assertThat(r.threshold()).isEqualTo(0.4);
    }

    static Stream<Arguments> badArguments() {
        return Stream.of(
                Arguments.of((Executable) () -> InProcessMetric.of(" ", 0.5, Set.of(), WORDS),
                        IllegalArgumentException.class, "name must not be blank, but was: ' '"),
                Arguments.of((Executable) () -> InProcessMetric.of(null, 0.5, Set.of(), WORDS),
                        NullPointerException.class, "name must not be null"),
                Arguments.of((Executable) () -> InProcessMetric.of("words", 1.5, Set.of(), WORDS),
                        IllegalArgumentException.class,
                        "defaultThreshold of metric 'words' must be between 0.0 and 1.0, but was: 1.5"),
                Arguments.of((Executable) () -> InProcessMetric.of("words", Double.NaN, Set.of(), WORDS),
                        IllegalArgumentException.class,
                        "defaultThreshold of metric 'words' must be between 0.0 and 1.0, but was: NaN"),
                Arguments.of((Executable) () -> InProcessMetric.of("words", 0.5, null, WORDS),
                        NullPointerException.class, "requires must not be null"),
                Arguments.of((Executable) () -> InProcessMetric.of("words", 0.5, Set.of(), null),
                        NullPointerException.class, "evaluation must not be null"),
                Arguments.of((Executable) () -> Thresholds.check(-0.1, "threshold of metric 'pii'"),
                        IllegalArgumentException.class,
                        "threshold of metric 'pii' must be between 0.0 and 1.0, but was: -0.1"));
    }

    @ParameterizedTest
    @MethodSource("badArguments")
    void bad_arguments_are_refused_with_the_field_the_value_and_what_is_allowed(Executable call,
            Class<? extends Throwable> type, String message) {
        assertThatThrownBy(call::execute).isExactlyInstanceOf(type).hasMessage(message);
    }

    @Test
    void a_threshold_in_the_unit_interval_passes_unchanged() {
        assertThat(Thresholds.check(0.0, "t")).isZero();
        assertThat(Thresholds.check(1.0, "t")).isEqualTo(1.0);
    }
}
