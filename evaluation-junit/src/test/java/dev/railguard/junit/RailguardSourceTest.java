package dev.railguard.junit;

import static dev.railguard.junit.RailguardAssertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.testkit.engine.EventConditions.displayName;
import static org.junit.platform.testkit.engine.EventConditions.event;
import static org.junit.platform.testkit.engine.EventConditions.finishedSuccessfully;
import static org.junit.platform.testkit.engine.EventConditions.finishedWithFailure;
import static org.junit.platform.testkit.engine.EventConditions.test;
import static org.junit.platform.testkit.engine.TestExecutionResultConditions.message;

import dev.railguard.api.Evaluator;
import dev.railguard.testkit.StubOpenAiServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import org.junit.platform.testkit.engine.EngineTestKit;

/**
 * {@code @Railguard(config)} and {@code @RailguardSource}, run through the real Jupiter engine: one test per CSV row
 * named by its id, judged with the file's judge and metrics; a row that cannot be read fails naming its line.
 */
class RailguardSourceTest {

    static final String DIR = "target/railguard-source-test";

    private Supplier<Map<String, String>> realEnvironment;
    private StubOpenAiServer server;

    @BeforeEach
    void files() throws Exception {
        server = StubJudge.start();
        realEnvironment = RailguardExtension.environment;
        RailguardExtension.environment = () -> Map.of("JUDGE_URL", server.baseUrl());
        Path dir = Files.createDirectories(Path.of(DIR));
        Files.writeString(dir.resolve("qa.csv"), "id,question,answer\n"
                + "capital,What is the capital of France?," + StubJudge.GOOD + "\n"
                + "population,What is the capital of France?,\"" + StubJudge.BAD + "\"\n"
                + "empty,What is the capital of France?,\n");
        Files.writeString(dir.resolve("railguard.yaml"), """
                judges:
                  - provider: openai
                    model: judge-model
                    base_url: ${JUDGE_URL}
                datasets:
                  - name: qa
                    path: qa.csv
                    columns: {id: id, user_prompt: question, model_output: answer}
                    metrics: [correctness]
                """);
    }

    @AfterEach
    void restore() {
        RailguardExtension.environment = realEnvironment;
        server.close();
    }

    @ExtendWith(OnlyInTestKit.class)
    @Railguard(config = DIR + "/railguard.yaml")
    static class DatasetTestCase {
        @ParameterizedTest(name = "{0}")
        @RailguardSource("qa")
        void every_answer_passes(RailguardCase answer, Evaluator evaluator) {
            assertThat(answer.evaluate(evaluator)).passes();
        }
    }

    @Test
    void each_row_is_a_test_named_by_its_id_and_an_unreadable_row_fails_naming_its_line() {
        EngineExecutionResults results = EngineTestKit.engine("junit-jupiter")
                .configurationParameter(OnlyInTestKit.PARAMETER, "true").selectors(selectClass(DatasetTestCase.class))
                .execute();
        results.testEvents().assertStatistics(s -> s.started(3).succeeded(1).failed(2));
        results.testEvents().assertThatEvents()
                .haveExactly(1, event(test(), displayName("capital"), finishedSuccessfully()))
                .haveExactly(1, event(test(), displayName("population"), finishedWithFailure()))
                .haveExactly(1, event(test(), displayName("line 4"), finishedWithFailure(message(
                        "qa.csv line 4 cannot be evaluated: the output column 'answer' is missing or empty"))));
        org.assertj.core.api.Assertions.assertThat(server.requests()).hasSize(2);
    }
}
