package dev.railguard.config.internal;

import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.railguard.engine.RailguardHttp;

/** Gemini judges; loaded only when a judge names the provider and {@code langchain4j-google-ai-gemini} is present. */
final class GeminiJudges {

    private GeminiJudges() {}

    static ChatModel build(JudgeModels.Spec spec, String baseUrl) {
        return GoogleAiGeminiChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware()).baseUrl(baseUrl)
                .apiKey(spec.apiKey() != null ? spec.apiKey() : "not-needed").modelName(spec.model())
                .timeout(spec.timeout()).maxRetries(0)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build();
    }
}
