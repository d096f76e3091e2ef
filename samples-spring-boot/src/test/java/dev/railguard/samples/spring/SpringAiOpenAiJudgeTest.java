package dev.railguard.samples.spring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.RailguardEvaluator;
import dev.railguard.testkit.JudgeReplies;
import dev.railguard.testkit.RecordedRequest;
import dev.railguard.testkit.StubOpenAiServer;
import dev.railguard.testkit.StubReply;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Spring AI's own OpenAI model (the official OpenAI SDK underneath) as the judge, named in properties: the judge call
 * reaches the server with the JSON schema as {@code response_format}, and usage comes back into the result.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.NONE, properties = {
        "railguard.judges.openai.bean=openAiChatModel",
        "railguard.workflows.answers.allow-judge-as-generator=true"})
class SpringAiOpenAiJudgeTest {

    static final StubOpenAiServer SERVER = StubOpenAiServer.start(r -> StubReply.content(
            JudgeReplies.units().unit("Paris is the capital of France.", "Y", "certain", "Well known.").json(), 120, 30));

    @DynamicPropertySource
    static void stub(DynamicPropertyRegistry registry) {
        registry.add("spring.ai.openai.base-url", SERVER::baseUrl);
        registry.add("spring.ai.openai.api-key", () -> "sk-model-key-123456");
        registry.add("spring.ai.openai.chat.options.model", () -> "app-model");
    }

    @AfterAll
    static void stop() {
        SERVER.close();
    }

    @Autowired
    RailguardEvaluator evaluator;

    @Test
    void the_judge_call_carries_the_json_schema_and_its_usage_is_counted() {
        EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder()
                .modelInput(ModelInput.ofUserPrompt(GuardedAnswersApplicationTest.GOOD_QUESTION))
                .modelOutput("Paris is the capital of France.").metrics("correctness").build());
        assertThat(result.passed()).as("%s", result).isTrue();
        RecordedRequest call = SERVER.requests().get(0);
        assertThat(call.responseFormatType()).contains("json_schema");
        assertThat(call.json().path("response_format").path("json_schema").path("schema").path("properties").has("units")).isTrue();
        assertThat(call.temperature()).contains(0.0);
        assertThat(call.model()).isEqualTo("app-model");
        assertThat(result.usage().inputTokens()).isEqualTo(120);
        assertThat(result.usage().outputTokens()).isEqualTo(30);
    }
}
