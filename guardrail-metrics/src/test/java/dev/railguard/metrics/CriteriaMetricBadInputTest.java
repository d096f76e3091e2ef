package dev.railguard.metrics;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Bad options of a criteria metric: each fails at once with the whole message naming the field and the value. */
class CriteriaMetricBadInputTest {

    private static CriteriaMetric.Builder named() {
        return CriteriaMetric.builder("polite_next_step");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
            Arguments.of("no criteria", (ThrowingCallable) () -> named().build(),
                    "criteria of metric 'polite_next_step' must be set: say in a sentence what a good output does,"
                            + " for example criteria(\"Polite, and ends with a concrete next step.\")"),
            Arguments.of("blank criteria", (ThrowingCallable) () -> named().criteria("  "),
                    "criteria must not be blank, but was: '  '"),
            Arguments.of("name not snake_case", (ThrowingCallable) () -> CriteriaMetric.builder("Polite Reply"),
                    "name must be a snake_case id of at most 64 characters ([a-z][a-z0-9_]*), but was: 'Polite Reply'"),
            Arguments.of("one band", (ThrowingCallable) () -> named().rubric("Good."),
                    "rubric must hold between 2 and 10 sentences, but had 1"),
            Arguments.of("blank band", (ThrowingCallable) () -> named().rubric("Bad.", ""),
                    "rubric[1] must not be blank, but was: ''"),
            Arguments.of("eleven bands", (ThrowingCallable) () -> named().rubric(List.of("1", "2", "3", "4", "5", "6",
                    "7", "8", "9", "10", "11")), "rubric must hold between 2 and 10 sentences, but had 11"),
            Arguments.of("no steps", (ThrowingCallable) () -> named().evaluationSteps(),
                    "evaluationSteps must hold between 1 and 8 sentences, but had 0"),
            Arguments.of("threshold above 1", (ThrowingCallable) () -> named().threshold(1.5),
                    "threshold must be between 0.0 and 1.0, but was: 1.5"),
            Arguments.of("unknown unit", (ThrowingCallable) () -> CriteriaMetric.Unit.fromName("paragraph"),
                    "unit must be one of [output, claim, sentence, list_item, turn], but was: 'paragraph'"),
            Arguments.of("unknown input", (ThrowingCallable) () -> CriteriaMetric.Input.fromName("history"),
                    "input must be one of [prompt, context, documents, ground_truth, tool_calls], but was: 'history'"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void fails_at_once_with_the_whole_message(String name, ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }
}
