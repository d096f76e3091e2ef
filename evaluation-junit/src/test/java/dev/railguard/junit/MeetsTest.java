package dev.railguard.junit;

import static dev.railguard.junit.RailguardAssertions.assertThatOutput;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.railguard.api.EvaluationHandle;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.Evaluator;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.StubOpenAiServer;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code meets(criteria)}: criteria in a sentence, judged by the evaluator's judges, steps written once. */
class MeetsTest {

    private static final String QUESTION = "What is the capital of France? Answer with the city only.";
    private static final String CRITERIA = "Names the capital and nothing else.";

    private StubOpenAiServer server;
    private RailguardEvaluator evaluator;

    @BeforeEach
    void start() {
        server = StubJudge.start();
        evaluator = StubJudge.evaluator(server);
    }

    @AfterEach
    void stop() {
        evaluator.close();
        server.close();
    }

    @Test
    void an_output_that_meets_the_criteria_passes_and_the_steps_are_written_once() {
        assertThatOutput(StubJudge.GOOD).forPrompt(QUESTION).withEvaluator(evaluator).meets(CRITERIA);
        assertThat(server.requests()).hasSize(2); // the steps, then the verdict
        assertThatOutput(StubJudge.GOOD).forPrompt("Capital of France?").withEvaluator(evaluator).meets(CRITERIA);
        assertThat(server.requests()).hasSize(3); // the verdict only

        assertThat(server.requests()).filteredOn(r -> r.schemaName().equals("railguard_evaluation_steps")).hasSize(1);
        assertThat(server.requests()).filteredOn(r -> r.schemaName().equals("railguard_meets_units"))
                .allSatisfy(r -> assertThat(r.systemText()).contains("Criteria: " + CRITERIA,
                        "1. Check it names only the capital."));
        assertThat(evaluator.metricNames()).doesNotContain("meets");
    }

    @Test
    void an_output_that_does_not_meet_them_fails_with_the_judges_reason() {
        assertThatThrownBy(() -> assertThatOutput(StubJudge.BAD).forPrompt(QUESTION).withEvaluator(evaluator)
                .meets(CRITERIA))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("meets: FAIL")
                .hasMessageContaining("Adds a wrong population.");
    }

    @Test
    void meets_needs_an_evaluator_it_can_add_a_metric_to() {
        Evaluator other = new Evaluator() {
            @Override
            public EvaluationResult evaluate(EvaluationRequest request) {
                throw new AssertionError("not called");
            }

            @Override
            public EvaluationHandle submit(EvaluationRequest request) {
                throw new AssertionError("not called");
            }

            @Override
            public Set<String> metricNames() {
                return Set.of();
            }

            @Override
            public void close() {}
        };
        assertThatThrownBy(() -> assertThatOutput(StubJudge.GOOD).forPrompt(QUESTION).withEvaluator(other)
                .meets(CRITERIA))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("meets(criteria) adds a criteria metric to the evaluator, which needs a"
                        + " RailguardEvaluator, but the evaluator is a dev.railguard.junit.MeetsTest$");
    }
}
