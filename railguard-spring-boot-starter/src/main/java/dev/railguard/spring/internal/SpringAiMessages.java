package dev.railguard.spring.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.internal.JsonSchemaElementUtils;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import java.util.ArrayList;
import java.util.List;
import org.springframework.ai.chat.messages.AssistantMessage;
import org.springframework.ai.chat.messages.Message;
import org.springframework.ai.chat.messages.SystemMessage;
import org.springframework.ai.chat.messages.UserMessage;
import org.springframework.ai.chat.prompt.ChatOptions;
import org.springframework.ai.chat.prompt.Prompt;
import org.springframework.ai.model.tool.StructuredOutputChatOptions;

/**
 * A LangChain4j {@link ChatRequest} (what the engine sends a judge or a generator) as a Spring AI {@link Prompt}.
 * {@link SpringAiReplies} does the way back.
 */
public final class SpringAiMessages {

    private static final ObjectMapper JSON = new ObjectMapper();

    private SpringAiMessages() {}

    /**
     * The Spring AI prompt for {@code request}: its messages, and its temperature, token cap and model name over the
     * model's default options. The JSON schema goes to the model as native structured output when the model's options
     * support it ({@link StructuredOutputChatOptions}: OpenAI, Anthropic, Gemini, Ollama ...); otherwise the prompt's
     * own instructions ask for the JSON, and the engine validates every reply against the schema either way.
     */
    public static Prompt prompt(ChatRequest request, ChatOptions defaults) {
        List<Message> messages = new ArrayList<>();
        for (Turns.Turn turn : Turns.of(request.messages())) {
            messages.add(switch (turn.role()) {
                case SYSTEM -> new SystemMessage(turn.text());
                case USER -> new UserMessage(turn.text());
                case ASSISTANT -> new AssistantMessage(turn.text());
            });
        }
        ChatOptions.Builder<?> options = defaults != null ? defaults.mutate() : ChatOptions.builder();
        if (request.temperature() != null) {
            options.temperature(request.temperature());
        }
        if (request.maxOutputTokens() != null) {
            options.maxTokens(request.maxOutputTokens());
        }
        if (request.modelName() != null) {
            options.model(request.modelName());
        }
        String schema = schema(request.responseFormat());
        if (schema != null && options instanceof StructuredOutputChatOptions.Builder<?> structured) {
            structured.outputSchema(schema);
        }
        return new Prompt(messages, options.build());
    }

    /** The JSON schema of a JSON response format as text, or {@code null} when there is none. */
    static String schema(ResponseFormat format) {
        if (format == null || format.type() != ResponseFormatType.JSON || format.jsonSchema() == null) {
            return null;
        }
        JsonSchema schema = format.jsonSchema();
        try {
            return JSON.writeValueAsString(JsonSchemaElementUtils.toMap(schema.rootElement(), true));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the JSON schema '" + schema.name() + "' cannot be written as JSON", e);
        }
    }
}
