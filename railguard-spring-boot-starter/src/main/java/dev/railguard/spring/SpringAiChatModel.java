package dev.railguard.spring;

import dev.langchain4j.model.ModelProvider;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.railguard.engine.Judge;
import dev.railguard.spring.internal.SpringAiFailures;
import dev.railguard.spring.internal.SpringAiMessages;
import dev.railguard.spring.internal.SpringAiReplies;
import java.util.Objects;
import org.springframework.ai.chat.prompt.ChatOptions;

/**
 * A Spring AI chat model (OpenAI, Anthropic, Ollama, Bedrock, ...) seen as a LangChain4j {@link ChatModel}, so it can
 * judge in a {@code JudgePanel} or generate repairs in a {@code Workflow}:
 *
 * <pre>{@code
 * JudgePanel panel = JudgePanel.builder()
 *     .standard("claude", SpringAiChatModel.of(anthropicChatModel))   // a Spring AI ChatModel bean
 *     .build();
 * }</pre>
 *
 * <p>Each call is one Spring AI {@code call(Prompt)}: the engine's messages, temperature 0 and token cap over the
 * model's default options, and the judge's JSON schema as native structured output where the model's options support
 * it (Spring AI's {@code StructuredOutputChatOptions}); elsewhere the prompt asks for the JSON and the engine
 * validates the reply against the schema, as for every judge. Token usage, the finish reason and the model name come
 * back as LangChain4j reports them, so usage and cost are counted alike. Errors are mapped to LangChain4j's
 * exceptions by HTTP status (401/403 authentication, 429 rate limit, 5xx server error, ...), so retries, back-off and
 * the {@code ERROR} verdicts behave as for a LangChain4j judge; the original exception stays the cause.
 */
public final class SpringAiChatModel implements ChatModel {

    private final org.springframework.ai.chat.model.ChatModel model;
    private final String modelName;

    private SpringAiChatModel(org.springframework.ai.chat.model.ChatModel model, String modelName) {
        this.model = model;
        this.modelName = modelName;
    }

    /** {@code model} as a LangChain4j chat model; its model name is read from the model's default options. */
    public static SpringAiChatModel of(org.springframework.ai.chat.model.ChatModel model) {
        Objects.requireNonNull(model, "model must not be null");
        ChatOptions defaults = model.getDefaultOptions();
        return new SpringAiChatModel(model, defaults == null ? null : defaults.getModel());
    }

    /** A judge named {@code name} that asks {@code model}. */
    public static Judge judge(String name, org.springframework.ai.chat.model.ChatModel model) {
        return Judge.of(name, of(model));
    }

    /** The Spring AI model this adapter calls. */
    public org.springframework.ai.chat.model.ChatModel springModel() {
        return model;
    }

    @Override
    public ChatResponse doChat(ChatRequest request) {
        var prompt = SpringAiMessages.prompt(request, model.getDefaultOptions());
        try {
            var reply = model.call(prompt);
            return SpringAiReplies.response(reply == null ? null : reply.getResult(),
                    reply == null ? null : reply.getMetadata());
        } catch (RuntimeException e) {
            throw SpringAiFailures.translate(e);
        }
    }

    @Override
    public ChatRequestParameters defaultRequestParameters() {
        return DefaultChatRequestParameters.builder().modelName(modelName).build();
    }

    @Override
    public ModelProvider provider() {
        return ModelProvider.OTHER;
    }

    @Override
    public String toString() {
        return "SpringAiChatModel[" + model.getClass().getSimpleName() + (modelName == null ? "" : ", " + modelName) + "]";
    }
}
