package dev.railguard.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.MetricResult;
import dev.railguard.api.ModelInput;
import dev.railguard.api.Verdict;
import dev.railguard.engine.JudgeCallRecord;
import dev.railguard.engine.EvaluationObserver;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/** A Spring AI chat model judging through the engine: the prompt it gets, usage, and errors as for LangChain4j judges. */
class SpringAiChatModelTest {

    final List<JudgeCallRecord> calls = new CopyOnWriteArrayList<>();

    RailguardEvaluator evaluator(FakeSpringAiModel model) {
        return RailguardEvaluator.builder().judges(JudgePanel.single("spring", SpringAiChatModel.of(model)))
                .observer(new EvaluationObserver() {
                    @Override
                    public void judgeCallFinished(JudgeCallRecord call) {
                        calls.add(call);
                    }
                })
                .maxCallAttempts(3).retryBackoff(Duration.ofMillis(1), Duration.ofMillis(5)).build();
    }

    static EvaluationResult judge(RailguardEvaluator evaluator, String output) {
        return evaluator.evaluate(EvaluationRequest.builder().modelInput(ModelInput.ofUserPrompt(Judging.QUESTION))
                .modelOutput(output).metrics("correctness").build());
    }

    @Test
    void a_structured_output_model_gets_the_schema_natively_at_temperature_zero_and_usage_comes_back() {
        FakeSpringAiModel model = new FakeSpringAiModel("judge-4", true, p -> Judging.reply(FakeSpringAiModel.userText(p)));
        try (RailguardEvaluator evaluator = evaluator(model)) {
            EvaluationResult wrong = judge(evaluator, Judging.WRONG);
            MetricResult m = wrong.metric("correctness");
            assertThat(m.verdict()).isEqualTo(Verdict.FAIL);
            assertThat(m.failingUnits()).extracting(u -> u.text()).containsExactly("It has 80 million inhabitants.");
            assertThat(wrong.usage().inputTokens()).isEqualTo(11);
            assertThat(wrong.usage().outputTokens()).isEqualTo(7);
            assertThat(judge(evaluator, Judging.RIGHT).passed()).isTrue();
        }
        Prompt sent = model.prompts.get(0);
        assertThat(sent.getOptions()).isInstanceOf(StructuredOutputChatOptions.class);
        StructuredOutputChatOptions options = (StructuredOutputChatOptions) sent.getOptions();
        assertThat(options.getOutputSchema()).contains("\"units\"").contains("\"verdict\"").contains("\"required\"");
        assertThat(options.getTemperature()).isEqualTo(0.0);
        assertThat(options.getMaxTokens()).isEqualTo(2048);
        assertThat(options.getModel()).isEqualTo("judge-4");
        assertThat(sent.getSystemMessage().getText()).isNotBlank();
        assertThat(calls).extracting(JudgeCallRecord::requestModel).contains("judge-4");
        assertThat(calls).extracting(JudgeCallRecord::responseModel).contains("judge-4");
    }

    @Test
    void a_model_without_structured_output_gets_plain_options_and_the_reply_is_still_validated() {
        FakeSpringAiModel model = new FakeSpringAiModel("plain", false, p -> "no JSON here");
        try (RailguardEvaluator evaluator = evaluator(model)) {
            MetricResult m = judge(evaluator, Judging.RIGHT).metric("correctness");
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).contains("judge 'spring'");
        }
        assertThat(model.prompts.get(0).getOptions()).isNotInstanceOf(StructuredOutputChatOptions.class);
        assertThat(model.prompts.get(0).getOptions().getTemperature()).isEqualTo(0.0);
    }

    /** What a Spring AI model's HTTP client throws: an exception with a status code, as the OpenAI SDK's and Spring's do. */
    static final class StatusException extends RuntimeException {
        private static final long serialVersionUID = 1L;
        private final int status;

        StatusException(int status, String message) {
            super(message);
            this.status = status;
        }

        public int statusCode() {
            return status;
        }
    }

    @Test
    void a_401_is_an_error_that_is_not_retried_and_is_reported_as_unauthorized() {
        AtomicInteger attempts = new AtomicInteger();
        FakeSpringAiModel model = new FakeSpringAiModel("judge-4", true, p -> {
            attempts.incrementAndGet();
            throw new StatusException(401, "Incorrect API key provided");
        });
        try (RailguardEvaluator evaluator = evaluator(model)) {
            MetricResult m = judge(evaluator, Judging.RIGHT).metric("correctness");
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).contains("Incorrect API key provided");
        }
        assertThat(attempts).hasValue(1);
        assertThat(calls).extracting(JudgeCallRecord::errorType).containsOnly("unauthorized");
    }

    @Test
    void a_429_is_retried_as_a_rate_limit_and_the_retry_answers() {
        AtomicInteger attempts = new AtomicInteger();
        FakeSpringAiModel model = new FakeSpringAiModel("judge-4", true, p -> {
            if (attempts.incrementAndGet() == 1) {
                throw new StatusException(429, "Rate limit reached");
            }
            return Judging.reply(FakeSpringAiModel.userText(p));
        });
        try (RailguardEvaluator evaluator = evaluator(model)) {
            assertThat(judge(evaluator, Judging.RIGHT).passed()).isTrue();
            assertThat(evaluator.judgeStats().rateLimited()).isEqualTo(1);
        }
        assertThat(attempts).hasValue(2);
        assertThat(calls).extracting(JudgeCallRecord::outcome).containsExactly(JudgeCallRecord.Outcome.RETRIED);
    }

    @Test
    void an_html_page_is_an_error_reported_as_html_page() {
        FakeSpringAiModel model = new FakeSpringAiModel("judge-4", true, p -> {
            throw new IllegalStateException("Unexpected response: <!DOCTYPE html><html><body>Sign in</body></html>");
        });
        try (RailguardEvaluator evaluator = evaluator(model)) {
            MetricResult m = judge(evaluator, Judging.RIGHT).metric("correctness");
            assertThat(m.verdict()).isEqualTo(Verdict.ERROR);
            assertThat(m.rationale()).contains("HTML");
        }
        assertThat(calls).extracting(JudgeCallRecord::errorType).containsOnly("html_page");
    }
}
