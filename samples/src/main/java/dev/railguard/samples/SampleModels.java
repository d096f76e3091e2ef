package dev.railguard.samples;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.config.JudgeEnvironment;
import java.time.Duration;
import java.util.Optional;

/** The generator (the model that answers and repairs) of the workflow samples, from the environment. */
final class SampleModels {

    /** What to set for the generator; printed by the samples when it is missing. */
    static final String HOW_TO_CONFIGURE_GENERATOR = "The generator uses the judge endpoint (RAILGUARD_JUDGE_BASE_URL,"
            + " RAILGUARD_JUDGE_API_KEY) and RAILGUARD_GENERATOR_MODEL (default gpt-4o-mini); it is a separate client,"
            + " never one of the judges.";

    private SampleModels() {}

    /** An OpenAI-compatible generator at the judge endpoint, or empty when no judge is configured. */
    static Optional<ChatModel> generator(JudgeEnvironment environment) {
        if (!environment.configured()) {
            return Optional.empty();
        }
        String key = firstSet(System.getenv("RAILGUARD_JUDGE_API_KEY"), System.getenv("OPENAI_API_KEY"), "not-needed");
        String model = firstSet(System.getenv("RAILGUARD_GENERATOR_MODEL"), "gpt-4o-mini");
        return Optional.of(OpenAiChatModel.builder().baseUrl(environment.baseUrl()).apiKey(key).modelName(model)
                .timeout(Duration.ofSeconds(60)).build());
    }

    private static String firstSet(String... values) {
        for (String v : values) {
            if (v != null && !v.isBlank()) {
                return v;
            }
        }
        return null;
    }
}
