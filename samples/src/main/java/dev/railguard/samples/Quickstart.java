package dev.railguard.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.api.EvaluationRequest;
import dev.railguard.api.EvaluationResult;
import dev.railguard.api.ModelInput;
import dev.railguard.engine.JudgePanel;
import dev.railguard.engine.RailguardEvaluator;

/** The README's Java quickstart, line for line, so it is compiled and run by the build. */
public final class Quickstart {

    private Quickstart() {}

    /** The quickstart with the judge model given (the README builds it from OPENAI_API_KEY). */
    public static EvaluationResult run(ChatModel judgeModel) {
        try (RailguardEvaluator evaluator = RailguardEvaluator.builder()
                .judges(JudgePanel.single("gpt-4o-mini", judgeModel))
                .build()) {                                          // metrics: every metric on the class path
            EvaluationResult result = evaluator.evaluate(EvaluationRequest.builder()
                    .modelInput(ModelInput.ofUserPrompt("What is the capital of France?"))
                    .modelOutput("Paris is the capital of France.")
                    .metrics("correctness", "completeness")
                    .build());
            System.out.println(result.passed() + " " + result.metric("correctness").rationale());
            return result;
        }
    }

    /** Runs the quickstart against OpenAI with OPENAI_API_KEY. */
    public static void main(String... args) {
        ChatModel judgeModel = OpenAiChatModel.builder().apiKey(System.getenv("OPENAI_API_KEY")).modelName("gpt-4o-mini").build();
        run(judgeModel);
    }
}
