package dev.railguard.spring.internal;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.langchain4j.model.output.TokenUsage;
import java.util.Locale;
import java.util.Map;
import org.springframework.ai.chat.metadata.ChatResponseMetadata;
import org.springframework.ai.chat.metadata.Usage;
import org.springframework.ai.chat.model.Generation;

/**
 * A Spring AI model's reply as the LangChain4j {@link ChatResponse} the engine reads: text, token usage, finish reason,
 * model name and id, so usage and cost are counted as for any LangChain4j judge.
 */
public final class SpringAiReplies {

    private static final Map<String, FinishReason> FINISH_REASONS = Map.of(
            "stop", FinishReason.STOP,
            "end_turn", FinishReason.STOP,
            "length", FinishReason.LENGTH,
            "max_tokens", FinishReason.LENGTH,
            "content_filter", FinishReason.CONTENT_FILTER,
            "tool_calls", FinishReason.TOOL_EXECUTION,
            "tool_use", FinishReason.TOOL_EXECUTION);

    private SpringAiReplies() {}

    /** The LangChain4j response for a Spring AI reply's first generation and its metadata (either may be null). */
    public static ChatResponse response(Generation generation, ChatResponseMetadata metadata) {
        String text = generation == null || generation.getOutput() == null ? null : generation.getOutput().getText();
        ChatResponse.Builder b = ChatResponse.builder().aiMessage(AiMessage.from(text == null ? "" : text));
        if (metadata != null) {
            Usage usage = metadata.getUsage();
            if (usage != null && usage.getPromptTokens() != null && usage.getCompletionTokens() != null) {
                b.tokenUsage(new TokenUsage(usage.getPromptTokens(), usage.getCompletionTokens()));
            }
            if (metadata.getModel() != null && !metadata.getModel().isBlank()) {
                b.modelName(metadata.getModel());
            }
            if (metadata.getId() != null && !metadata.getId().isBlank()) {
                b.id(metadata.getId());
            }
        }
        if (generation != null && generation.getMetadata() != null) {
            FinishReason reason = finishReason(generation.getMetadata().getFinishReason());
            if (reason != null) {
                b.finishReason(reason);
            }
        }
        return b.build();
    }

    /** Spring AI passes the provider's finish reason through as text, in any case: {@code STOP}, {@code length}. */
    static FinishReason finishReason(String reason) {
        if (reason == null || reason.isBlank()) {
            return null;
        }
        return FINISH_REASONS.getOrDefault(reason.trim().toLowerCase(Locale.ROOT), FinishReason.OTHER);
    }
}
