package dev.railguard.config.internal;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.chat.Capability;
import dev.langchain4j.model.chat.ChatModel;
import dev.railguard.engine.RailguardHttp;

/** Anthropic judges; loaded only when a judge names the provider and {@code langchain4j-anthropic} is present. */
final class AnthropicJudges {

    private AnthropicJudges() {}

    static ChatModel build(JudgeModels.Spec spec, String baseUrl) {
        return AnthropicChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware()).baseUrl(baseUrl)
                .apiKey(spec.apiKey() != null ? spec.apiKey() : "not-needed").modelName(spec.model())
                .timeout(spec.timeout()).maxRetries(0).maxTokens(4096)
                .supportedCapabilities(Capability.RESPONSE_FORMAT_JSON_SCHEMA).build();
    }
}
