package dev.railguard.junit;

import static dev.railguard.junit.RailguardAssertions.assertThat;
import static dev.railguard.junit.RailguardAssertions.assertThatOutput;
import static dev.railguard.junit.RailguardAssertions.catchThrowableOfType;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.StubOpenAiServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.opentest4j.AssertionFailedError;

/** The assertions over results that come from the real OpenAI client and the local stub server. */
class AssertionsThroughOpenAiTest {

    private static final String QUESTION = "What is the capital of France?";

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

    private EvaluationResult evaluate(String output, String... metrics) {
        return evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt(QUESTION))
                .modelOutput(output).metrics(metrics).build());
    }

    @Test
    void a_good_output_passes_every_assertion_of_passing() {
        // given
        EvaluationResult result = evaluate(StubJudge.GOOD, "correctness", "completeness", "comprehensive_safety");

        // then
        assertThat(result).passes().hasNoErrors();
        assertThat(result).metric("correctness").passes().hasScoreAtLeast(1.0).hasVerdict(dev.railguard.api.Verdict.PASS);
        assertThat(result).metric("comprehensive_safety").passes();
        assertThat(server.requestCount()).isEqualTo(3);
    }

    @Test
    void a_false_claim_fails_passes_with_score_threshold_rationale_and_the_failing_unit() {
        // given
        EvaluationResult result = evaluate(StubJudge.BAD, "correctness", "completeness");

        // when
        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class, () -> assertThat(result).passes());

        // then
        assertThat(error).hasMessage("Expecting evaluation " + result.eventId() + " to pass, but 1 of 2 metrics did not:\n"
                + "  correctness: FAIL (score 0.3333 < threshold 0.8)\n"
                + "  completeness: PASS\n"
                + "\n"
                + "correctness: FAIL, score 0.3333 is below the threshold 0.8\n"
                + "  rationale: 1 of 2 claim units were judged N (score 0.33): 'It has 80 million inhabitants.' (high:"
                + " About 2.1 million people live in Paris.).\n"
                + "  failing units (1 of 2):\n"
                + "    - 'It has 80 million inhabitants.' judged N with high confidence by judge: About 2.1 million"
                + " people live in Paris.");
        // the IDE diff: one line per metric
        assertThat(error.getActual().getStringRepresentation())
                .isEqualTo("correctness: FAIL (score 0.3333 < threshold 0.8)\ncompleteness: PASS");
        assertThat(error.getExpected().getStringRepresentation())
                .isEqualTo("correctness: PASS\ncompleteness: PASS");
        assertThat(error.getMessage()).isEqualTo(RailguardMessages.shouldPass(result));
    }

    @Test
    void a_metric_in_error_fails_passes_with_the_cause_and_the_raw_replies() {
        // given
        EvaluationResult result = evaluate(StubJudge.GOOD, "correctness", "instruction_adherence");

        // when
        AssertionError passes = catchThrowableOfType(AssertionError.class,
                () -> assertThat(result).metric("instruction_adherence").passes());
        AssertionError scored = catchThrowableOfType(AssertionError.class,
                () -> assertThat(result).metric("instruction_adherence").hasScoreAtLeast(0.0));
        AssertionError fails = catchThrowableOfType(AssertionError.class, () -> assertThat(result).fails());
        AssertionError noErrors = catchThrowableOfType(AssertionError.class, () -> assertThat(result).hasNoErrors());

        // then
        String cause = result.metric("instruction_adherence").rationale();
        assertThat(cause).startsWith("judge 'judge' gave no usable reply after one repair call: ");
        String details = "instruction_adherence: ERROR, the metric could not be evaluated, and an error never counts"
                + " as a pass\n"
                + "  cause: " + cause + "\n"
                + "  diagnostics:\n"
                + "    - ERROR: raw reply of judge 'judge' (first attempt): I cannot answer in JSON today.\n"
                + "    - ERROR: raw reply of judge 'judge' (repair attempt): I cannot answer in JSON today.";
        assertThat(passes).hasMessage("Expecting metric 'instruction_adherence' to pass, but it did not:\n\n" + details);
        assertThat(scored).hasMessage("Expecting metric 'instruction_adherence' to have a score of at least:\n  0\n"
                + "but it has no score (ERROR):\n\n" + details);
        assertThat(fails).hasMessage("Expecting evaluation " + result.eventId() + " to fail (a metric below its"
                + " threshold), but 1 metric could not be evaluated, so whether the output fails is unknown:\n"
                + "  correctness: PASS\n"
                + "  instruction_adherence: ERROR (could not be evaluated)\n\n" + details);
        assertThat(noErrors).hasMessage(RailguardMessages.shouldHaveNoErrors(result, null))
                .hasMessageContaining("to have no metric in ERROR, but 1 metric was:");
    }

    @Test
    void the_one_line_shortcut_evaluates_and_passes() {
        assertThatOutput(StubJudge.GOOD).forPrompt(QUESTION).withEvaluator(evaluator)
                .passes("correctness", "completeness")
                .metric("completeness").hasScoreAtLeast(0.9);

        assertThat(server.requestCount()).isEqualTo(2);
    }

    @Test
    void the_one_line_shortcut_ends_its_failure_with_the_output_and_its_input() {
        // when
        AssertionError error = catchThrowableOfType(AssertionError.class,
                () -> assertThatOutput(StubJudge.BAD)
                        .forInput(ModelInput.builder().systemPrompt("Answer in one sentence.").userPrompt(QUESTION)
                                .groundTruth("Paris").build())
                        .withEvaluator(evaluator)
                        .withThreshold("correctness", 0.6)
                        .passes("correctness"));

        // then
        assertThat(error.getMessage()).matches("(?s)Expecting evaluation evt_[a-z0-9]+ to pass, but 1 of 1 metric did not:\n"
                + "  correctness: FAIL \\(score 0.3333 < threshold 0.6\\)\n\n"
                + "correctness: FAIL, score 0.3333 is below the threshold 0.6\n.*")
                .endsWith("About 2.1 million people live in Paris.\n\n"
                        + "output under test:\n"
                        + "  Paris is the capital of France. It has 80 million inhabitants.\n"
                        + "input:\n"
                        + "  system prompt: Answer in one sentence.\n"
                        + "  user prompt: What is the capital of France?\n"
                        + "  ground truth: Paris");
    }

    @Test
    void fails_passes_for_a_judged_failure_and_the_metric_can_be_checked_to_score_low() {
        assertThatOutput(StubJudge.BAD).forPrompt(QUESTION).withEvaluator(evaluator)
                .fails("correctness", "completeness")
                .metric("correctness").fails().hasScoreAtMost(0.5);
    }

    @Test
    void fails_is_itself_a_failure_when_every_metric_passed() {
        EvaluationResult result = evaluate(StubJudge.GOOD, "correctness");

        AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(result).fails());

        assertThat(error).hasMessage("Expecting evaluation " + result.eventId() + " to fail (a metric below its"
                + " threshold), but every metric passed:\n  correctness: PASS");
    }

    @Test
    void score_assertions_print_expected_and_actual_scores() {
        EvaluationResult result = evaluate(StubJudge.BAD, "correctness");

        AssertionFailedError error = catchThrowableOfType(AssertionFailedError.class,
                () -> assertThat(result).metric("correctness").hasScoreAtLeast(0.8));

        assertThat(error.getMessage()).startsWith("Expecting metric 'correctness' to have a score of at least:\n  0.8\n"
                + "but was:\n  0.3333\n\ncorrectness: FAIL, score 0.3333 is below the threshold 0.8\n  rationale: ");
        assertThat(error.getExpected().getValue()).isEqualTo(0.8);
        assertThat(error.getActual().getValue()).isEqualTo(1.0 / 3.0);
    }

    @Test
    void asking_for_a_metric_the_result_does_not_have_names_the_ones_it_has() {
        EvaluationResult result = evaluate(StubJudge.GOOD, "correctness");

        AssertionError error = catchThrowableOfType(AssertionError.class, () -> assertThat(result).metric("fluency"));

        assertThat(error).hasMessage("Expecting evaluation " + result.eventId() + " to have a result for metric:\n"
                + "  'fluency'\nbut it has results for:\n  [correctness]");
    }
}
