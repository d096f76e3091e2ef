package dev.railguard.config.internal;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.railguard.config.JudgeProvider;
import dev.railguard.engine.RailguardHttp;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;

/**
 * Builds the chat model of one judge for its provider. Every model is built with LangChain4j's own retries off (the
 * engine retries, honouring {@code Retry-After} through {@link RailguardHttp}) and declares JSON-schema output, which
 * each provider's module sends in its own way. Anthropic and Gemini classes are loaded only here, after
 * {@link #requireModule} found their module, so a missing optional dependency is one line naming it.
 */
public final class JudgeModels {

    /** The LangChain4j version the optional provider modules must match. */
    public static final String LANGCHAIN4J_VERSION = "1.19.0";

    private JudgeModels() {}

    /**
     * What one judge needs.
     *
     * @param provider the provider
     * @param model    the model (Azure: the deployment)
     * @param baseUrl  the endpoint, or null for the provider's default
     * @param apiKey   the key, or null (Ollama, local servers)
     * @param timeout  the timeout of one call
     */
    public record Spec(JudgeProvider provider, String model, String baseUrl, String apiKey, Duration timeout) {
        /** Validates. */
        public Spec {
            Objects.requireNonNull(provider, "provider must not be null");
            Objects.requireNonNull(model, "model must not be null");
            Objects.requireNonNull(timeout, "timeout must not be null");
        }

        /** The spec without its key: whether one is set, never its value (a record would print the key). */
        @Override
        public String toString() {
            return "Spec[provider=" + provider.wireName() + ", model=" + model + ", baseUrl=" + baseUrl + ", apiKey="
                    + (apiKey == null ? "none" : "(set, not shown)") + ", timeout=" + timeout + "]";
        }
    }

    /**
     * The chat model of {@code spec}.
     *
     * @throws IllegalArgumentException when the provider's module is missing or Azure OpenAI has no base URL
     */
    public static ChatModel build(Spec spec) {
        requireModule(spec.provider(), JudgeModels.class.getClassLoader());
        String baseUrl = spec.baseUrl() != null ? spec.baseUrl() : spec.provider().defaultBaseUrl().orElseThrow(() ->
                new IllegalArgumentException("provider " + spec.provider().wireName() + " needs a base URL: the v1"
                        + " endpoint of your resource, https://RESOURCE.openai.azure.com/openai/v1"));
        return switch (spec.provider()) {
            case ANTHROPIC -> AnthropicJudges.build(spec, baseUrl);
            case GEMINI -> GeminiJudges.build(spec, baseUrl);
            case AZURE_OPENAI -> OpenAiChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware())
                    .baseUrl(baseUrl).customHeaders(spec.apiKey() == null ? Map.of() : Map.of("api-key", spec.apiKey()))
                    .modelName(spec.model()).timeout(spec.timeout()).maxRetries(0).build();
            case OPENAI, OLLAMA -> OpenAiChatModel.builder().httpClientBuilder(RailguardHttp.retryAfterAware())
                    .baseUrl(baseUrl).apiKey(spec.apiKey() != null ? spec.apiKey() : "not-needed")
                    .modelName(spec.model()).timeout(spec.timeout()).maxRetries(0).build();
        };
    }

    /**
     * Checks that the LangChain4j module of {@code provider} is on the class path of {@code loader}.
     *
     * @throws IllegalArgumentException in one line naming the dependency to add
     */
    public static void requireModule(JudgeProvider provider, ClassLoader loader) {
        String probe = switch (provider) {
            case ANTHROPIC -> "dev.langchain4j.model.anthropic.AnthropicChatModel";
            case GEMINI -> "dev.langchain4j.model.googleai.GoogleAiGeminiChatModel";
            default -> null;
        };
        if (probe == null) {
            return;
        }
        try {
            Class.forName(probe, false, loader);
        } catch (ClassNotFoundException | LinkageError e) {
            throw new IllegalArgumentException("provider " + provider.wireName() + " needs the dependency "
                    + provider.module().orElseThrow() + ":" + LANGCHAIN4J_VERSION + " on the class path; add it to"
                    + " your build (the railguard command includes it)");
        }
    }
}
