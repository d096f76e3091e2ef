package dev.railguard.junit;

import static dev.railguard.junit.RailguardAssertions.assertThat;
import static dev.railguard.junit.RailguardAssertions.assertThatOutput;
import static dev.railguard.junit.RailguardAssertions.assertThatThrownBy;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.container;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.skippedWithReason;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.instanceOf;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.Evaluator;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.StubOpenAiServer;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;
import org.opentest4j.AssertionFailedError;

/**
 * The extension, run through the real Jupiter engine (EngineTestKit) over small fixture classes: parameter
 * resolution, skipping or failing without a judge, sharing one evaluator across classes, closing it at the end.
 */
class RailguardExtensionTest {

    /** Evaluators the fixtures were given, in order. */
    static final List<Evaluator> SEEN = new CopyOnWriteArrayList<>();

    private Supplier<Map<String, String>> realEnvironment;
    private StubOpenAiServer server;

    @BeforeEach
    void hermetic_environment() {
        realEnvironment = RailguardExtension.environment;
        RailguardExtension.environment = Map::of; // a developer's OPENAI_API_KEY must not change these tests
        SEEN.clear();
        server = StubJudge.start();
    }

    @AfterEach
    void restore() {
        RailguardExtension.environment = realEnvironment;
        server.close();
    }

    private EngineExecutionResults run(Map<String, String> parameters, Class<?>... fixtures) {
        EngineTestKit.Builder kit = EngineTestKit.engine("junit-jupiter").configurationParameters(parameters)
                .configurationParameter(OnlyInTestKit.PARAMETER, "true");
        for (Class<?> f : fixtures) {
            kit.selectors(selectClass(f));
        }
        return kit.execute();
    }

    private Map<String, String> withJudge() {
        return Map.of("railguard.judge.baseUrl", server.baseUrl(), "railguard.judge.model", "judge-model");
    }

    // ---- fixtures ------------------------------------------------------------------------------------------------

    @ExtendWith(OnlyInTestKit.class)
    @RailguardTest
    static class JudgedTestCase {
        @Test
        void needs_a_judge(Evaluator evaluator) {
            SEEN.add(evaluator);
            assertThatOutput(StubJudge.GOOD).forPrompt("What is the capital of France?").withEvaluator(evaluator)
                    .passes("correctness", "completeness");
        }

        @Test
        void needs_no_judge() {
            assertThat(1 + 1).isEqualTo(2);
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @RailguardTest
    static class FailingJudgedTestCase {
        @Test
        void a_false_claim(Evaluator evaluator) {
            assertThatOutput(StubJudge.BAD).forPrompt("What is the capital of France?").withEvaluator(evaluator)
                    .passes("correctness");
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @ExtendWith(RailguardExtension.class)
    static class ConstructorInjectionTestCase {
        private final RailguardEvaluator evaluator;

        ConstructorInjectionTestCase(RailguardEvaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Test
        void uses_the_injected_evaluator() {
            SEEN.add(evaluator);
            assertThat(evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("What is the capital of France?"))
                    .modelOutput(StubJudge.GOOD).metrics("correctness").build())).passes();
        }
    }

    @ExtendWith(OnlyInTestKit.class)
    @RailguardTest
    static class LifecycleTestCase {
        private Evaluator evaluator;

        @BeforeEach
        void keep(Evaluator evaluator) {
            this.evaluator = evaluator;
        }

        @Test
        void first() {
            SEEN.add(evaluator);
        }

        @Test
        void second() {
            SEEN.add(evaluator);
        }
    }

    // ---- tests ---------------------------------------------------------------------------------------------------

    @Test
    void a_test_taking_an_evaluator_gets_one_judged_through_the_configured_endpoint() {
        EngineExecutionResults results = run(withJudge(), JudgedTestCase.class);

        results.testEvents().assertStatistics(s -> s.started(2).succeeded(2).failed(0).skipped(0));
        assertThat(SEEN).hasSize(1).allSatisfy(e -> assertThat(e).isInstanceOf(RailguardEvaluator.class));
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertThat(r.model()).isEqualTo("judge-model"));
    }

    @Test
    void a_failing_assertion_fails_the_test_with_the_judges_reasons() {
        EngineExecutionResults results = run(withJudge(), FailingJudgedTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("a_false_claim"),
                finishedWithFailure(instanceOf(AssertionFailedError.class),
                        message(m -> m.contains("correctness: FAIL (score 0.3333 < threshold 0.8)")
                                && m.contains("About 2.1 million people live in Paris.")))));
    }

    @Test
    void without_a_judge_tests_that_need_one_are_skipped_naming_the_variables_and_the_others_run() {
        EngineExecutionResults results = run(Map.of(), JudgedTestCase.class);

        results.testEvents().assertStatistics(s -> s.skipped(1).succeeded(1).failed(0));
        results.testEvents().assertThatEvents().haveExactly(1,
                event(test("needs_a_judge"), skippedWithReason(RailguardMessages.noJudgeSkipped())));
        assertThat(RailguardMessages.noJudgeSkipped()).isEqualTo("This test needs a judge, so it is skipped. No judge"
                + " is configured. Set RAILGUARD_JUDGE_BASE_URL (an OpenAI-compatible endpoint, default"
                + " https://api.openai.com/v1) and RAILGUARD_JUDGE_API_KEY, and optionally RAILGUARD_JUDGE_MODEL (default"
                + " gpt-4o-mini) or per tier RAILGUARD_JUDGE_MODEL_FAST, _STANDARD, _STRONG, _CODE (comma-separated for"
                + " several judges); or the system properties railguard.judge.baseUrl, railguard.judge.apiKey,"
                + " railguard.judge.model, railguard.judge.model.<tier>. RAILGUARD_JUDGE_PROVIDER picks azure-openai,"
                + " anthropic, gemini or ollama instead of an OpenAI-compatible endpoint; a project file (railguard.yaml)"
                + " may declare the judges instead. To fail instead of skipping (for CI), set"
                + " railguard.junit.requireJudge=true or RAILGUARD_REQUIRE_JUDGE=true.");
        assertThat(server.requestCount()).isZero();
    }

    @Test
    void a_class_whose_lifecycle_needs_a_judge_is_skipped_as_a_whole() {
        EngineExecutionResults results = run(Map.of(), LifecycleTestCase.class);

        results.containerEvents().assertThatEvents().haveExactly(1,
                event(container(LifecycleTestCase.class), skippedWithReason(RailguardMessages.noJudgeSkipped())));
        results.testEvents().assertStatistics(s -> s.started(0));
    }

    @Test
    void with_require_judge_the_tests_that_need_one_fail_instead() {
        EngineExecutionResults results = run(Map.of("railguard.junit.requireJudge", "true"), JudgedTestCase.class);

        results.testEvents().assertStatistics(s -> s.skipped(0).succeeded(1).failed(1));
        results.testEvents().assertThatEvents().haveExactly(1, event(test("needs_a_judge"),
                finishedWithFailure(instanceOf(ParameterResolutionException.class),
                        message(RailguardMessages.noJudgeRequired()))));
        assertThat(RailguardMessages.noJudgeRequired()).startsWith("This test needs a judge and"
                + " railguard.junit.requireJudge (or RAILGUARD_REQUIRE_JUDGE) is true, so it fails instead of being"
                + " skipped. No judge is configured. Set RAILGUARD_JUDGE_BASE_URL");
    }

    @Test
    void require_judge_is_read_from_the_environment_too() {
        RailguardExtension.environment = () -> Map.of("RAILGUARD_REQUIRE_JUDGE", "true");

        EngineExecutionResults results = run(Map.of(), JudgedTestCase.class);

        results.testEvents().assertStatistics(s -> s.skipped(0).failed(1));
    }

    @Test
    void the_judge_is_read_from_the_environment_when_no_parameter_sets_it() {
        RailguardExtension.environment = () -> Map.of("RAILGUARD_JUDGE_BASE_URL", server.baseUrl());

        EngineExecutionResults results = run(Map.of(), JudgedTestCase.class);

        results.testEvents().assertStatistics(s -> s.succeeded(2));
        assertThat(server.requests()).hasSize(2).allSatisfy(r -> assertThat(r.model()).isEqualTo("gpt-4o-mini"));
    }

    @Test
    void a_require_judge_value_that_is_not_a_boolean_fails_naming_the_setting_and_the_value() {
        EngineExecutionResults results = run(Map.of("railguard.junit.requireJudge", "yes"), JudgedTestCase.class);

        results.testEvents().assertThatEvents().haveExactly(1, event(test("needs_a_judge"),
                finishedWithFailure(message("Failed to evaluate condition [dev.railguard.junit.RailguardExtension]:"
                        + " railguard.junit.requireJudge (RAILGUARD_REQUIRE_JUDGE) must be true or false, but was: 'yes'"))));
    }

    @Test
    void one_evaluator_serves_every_class_of_a_run_and_is_closed_when_the_run_ends() {
        EngineExecutionResults results = run(withJudge(), JudgedTestCase.class, ConstructorInjectionTestCase.class,
                LifecycleTestCase.class);

        results.testEvents().assertStatistics(s -> s.failed(0).succeeded(5));
        assertThat(SEEN).hasSize(4);
        assertThat(SEEN.stream().distinct()).hasSize(1);
        Evaluator shared = SEEN.get(0);
        assertThatThrownBy(() -> shared.evaluate(EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt("q")).modelOutput("a").metrics("correctness").build()))
                .isInstanceOf(IllegalStateException.class).hasMessage("this evaluator is closed");
    }

    @Test
    void two_runs_get_two_evaluators() {
        run(withJudge(), JudgedTestCase.class);
        run(withJudge(), JudgedTestCase.class);

        assertThat(SEEN).hasSize(2);
        assertThat(SEEN.get(0)).isNotSameAs(SEEN.get(1));
    }

    @Test
    void with_a_cache_directory_the_second_run_of_the_suite_makes_no_judge_call(@org.junit.jupiter.api.io.TempDir
            java.nio.file.Path cacheDir) {
        Map<String, String> parameters = new java.util.HashMap<>(withJudge());
        parameters.put("railguard.cache.dir", cacheDir.toString());

        run(parameters, JudgedTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));
        int firstRun = server.requestCount();
        run(parameters, JudgedTestCase.class).testEvents().assertStatistics(s -> s.succeeded(2).failed(0));

        assertThat(firstRun).isEqualTo(2);
        assertThat(server.requestCount()).as("judge calls of the second run").isEqualTo(firstRun);
        assertThat(SEEN).hasSize(2); // two runs, two evaluators: only the directory carried the replies over
    }

    @Test
    void the_cache_directory_setting_is_read_for_the_evaluator_builder() {
        RailguardSettings fromParameter = RailguardSettings.read(
                key -> java.util.Optional.ofNullable(Map.of("railguard.cache.dir", "/tmp/rg-cache").get(key)),
                Map.of("RAILGUARD_CACHE_DIR", "/ignored"));
        RailguardSettings fromEnvironment = RailguardSettings.read(key -> java.util.Optional.empty(),
                Map.of("RAILGUARD_CACHE_DIR", "target/judge-cache"));
        RailguardSettings unset = RailguardSettings.read(key -> java.util.Optional.empty(), Map.of());

        assertThat(fromParameter.cacheDirectory()).contains(java.nio.file.Path.of("/tmp/rg-cache"));
        assertThat(fromEnvironment.cacheDirectory()).contains(java.nio.file.Path.of("target/judge-cache"));
        assertThat(unset.cacheDirectory()).isEmpty();
        assertThat(unset.requireJudge()).isFalse();
        assertThat(unset.judges().configured()).isFalse();
    }
}
