package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.ScriptedChatModel;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.source.InvalidConfigurationPropertyValueException;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;

/** Each row: properties that must fail the start, and the whole message naming the property and what is allowed. */
class BadPropertiesTest {

    final ApplicationContextRunner runner = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(RailguardAutoConfiguration.class, RailguardSpringAiAutoConfiguration.class))
            .withBean("judgeModel", ScriptedChatModel.class, () -> ScriptedChatModel.replying("{}"));

    static Stream<Arguments> rows() {
        return Stream.of(
                Arguments.of("railguard.run-mode=turbo", "Property railguard.run-mode with value 'turbo' is invalid: runMode"
                        + " must be one of [ultra_fast, super_fast, fast, precision, precision_codex, precision_max,"
                        + " precision_max_codex], but was: 'turbo'"),
                Arguments.of("railguard.self-judging=sometimes", "Property railguard.self-judging with value 'sometimes' is"
                        + " invalid: must be one of [refuse, allow_with_warning]"),
                Arguments.of("railguard.thresholds.correctness=1.5", "Property railguard.thresholds.correctness with value"
                        + " '1.5' is invalid: threshold must be between 0.0 and 1.0, but was: 1.5"),
                Arguments.of("railguard.limits.max-concurrent-judge-calls=0", "Property"
                        + " railguard.limits.max-concurrent-judge-calls with value '0' is invalid: maxConcurrentJudgeCalls must be at least 1, but was: 0"),
                Arguments.of("railguard.judges.j.bean=nothing", "Property railguard.judges.j.bean with value 'nothing' is"
                        + " invalid: is not a ChatModel bean (LangChain4j or Spring AI); ChatModel beans: [judgeModel]"),
                Arguments.of("railguard.judges.j.bean=judgeModel,railguard.judges.j.tiers=huge", "Property"
                        + " railguard.judges.j.tiers with value 'huge' is invalid: must be one of [fast, standard, strong, code]"),
                Arguments.of("railguard.monitors.bot.metrics=corectness", "Property railguard.monitors.bot.metrics with"
                        + " value 'corectness' is invalid: is not a known metric; known: " + known()),
                Arguments.of("railguard.monitors.bot.metrics=correctness,railguard.monitors.bot.queue-capacity=2000000",
                        "Property railguard.monitors.bot.queue-capacity with value '2000000' is invalid: queueCapacity"
                                + " must be between 1 and 1000000, but was: 2000000"),
                Arguments.of("railguard.monitors.bot.metrics=correctness,railguard.monitors.bot.retained-events=0",
                        "Property railguard.monitors.bot.retained-events with value '0' is invalid: retainedEvents"
                                + " must be between 1 and 1000000, but was: 0"),
                Arguments.of("railguard.workflows.w.metrics=correctness,railguard.workflows.w.max-improvement-attempts=0",
                        "Property railguard.workflows.w.max-improvement-attempts with value '0' is invalid:"
                                + " maxImprovementAttempts must be between 1 and 100, but was: 0"),
                Arguments.of("railguard.workflows.w.metrics=correctness,railguard.workflows.w.thresholds.correctness=2",
                        "Property railguard.workflows.w.thresholds.correctness with value '2.0' is invalid: threshold"
                                + " must be between 0.0 and 1.0, but was: 2.0"),
                Arguments.of("railguard.workflows.w.metrics=correctness,railguard.workflows.w.improvement-action=retry",
                        "Property railguard.workflows.w.improvement-action with value 'retry' is invalid:"
                                + " improvementAction must be one of [regen, fixit, do_nothing], but was: 'retry'"),
                Arguments.of("railguard.workflows.w.metrics=correctness,railguard.workflows.w.tolerance=lax",
                        "Property railguard.workflows.w.tolerance with value 'lax' is invalid: tolerance must be one of"
                                + " [low, medium, high], but was: 'lax'"),
                Arguments.of("railguard.workflows.w.metrics=correctness,railguard.workflows.w.thresholds.completeness=0.5",
                        "Property railguard.workflows.w.thresholds.completeness with value '0.5' is invalid: names a metric"
                                + " that is not among railguard.workflows.w.metrics [correctness]"),
                Arguments.of("railguard.workflows.w.metrics=correctness,railguard.workflows.w.generator=nothing",
                        "Property railguard.workflows.w.generator with value 'nothing' is invalid: is not a ChatModel"
                                + " bean (LangChain4j or Spring AI); ChatModel beans: [judgeModel]"),
                Arguments.of("railguard.monitors.bot.metrics=correctness,railguard.monitors.bot.id=bot-1",
                        "Property railguard.monitors.bot.id with value 'bot-1' is invalid: id must be 'mon_' followed by 1"
                                + " to 60 letters, digits or underscores, but was: 'bot-1'"),
                Arguments.of("railguard.monitors.bot.metrics=correctness,railguard.monitors.bot.resume-on-start=true",
                        "Property railguard.monitors.bot.resume-on-start with value 'true' is invalid: needs one"
                                + " EventRecorder bean (the event store's recorder()) to resume from; EventRecorder beans: []"),
                Arguments.of("railguard.advisor.workflow=missing", "Property railguard.advisor.workflow with value"
                        + " 'missing' is invalid: must name a workflow of railguard.workflows; workflows: []"));
    }

    static String known() {
        try (RailguardEvaluator e = RailguardEvaluator.builder().build()) {
            return e.metricNames().stream().sorted().toList().toString();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void a_bad_property_fails_the_start_naming_it_and_what_is_allowed(String properties, String message) {
        runner.withPropertyValues(properties.split(",(?=railguard)")).run(context -> {
            assertThat(context).hasFailed();
            Throwable t = context.getStartupFailure();
            while (t != null && !(t instanceof InvalidConfigurationPropertyValueException)) {
                t = t.getCause();
            }
            assertThat(t).as("an InvalidConfigurationPropertyValueException in %s", context.getStartupFailure())
                    .isNotNull().hasMessage(message);
        });
    }
}
