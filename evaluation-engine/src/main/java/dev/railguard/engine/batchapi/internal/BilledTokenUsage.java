package dev.railguard.engine.batchapi.internal;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Token counts of a reply that came through a batch API: how many input tokens the provider served from its prompt
 * cache, and that the reply is billed at batch prices. The engine prices a response by these when its usage is one.
 */
public final class BilledTokenUsage extends TokenUsage {

    private final int cachedInputTokens;
    private final boolean batch;
    private final boolean shared;

    public BilledTokenUsage(int input, int cachedInput, int output, boolean batch) {
        this(input, cachedInput, output, batch, false);
    }

    private BilledTokenUsage(int input, int cachedInput, int output, boolean batch, boolean shared) {
        super(input, output);
        this.cachedInputTokens = Math.max(0, Math.min(cachedInput, input));
        this.batch = batch;
        this.shared = shared;
    }

    /**
     * {@code response} as a reply shared with another request of the run that already counted its tokens: one line
     * the provider billed once answers both, so this one counts as a cache hit, not as a second billed call.
     */
    public static ChatResponse shared(ChatResponse response) {
        TokenUsage t = response.tokenUsage();
        return ChatResponse.builder().aiMessage(response.aiMessage()).finishReason(response.finishReason())
                .modelName(response.modelName()).id(response.id()).tokenUsage(new BilledTokenUsage(
                        t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount(), 0,
                        t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount(),
                        t instanceof BilledTokenUsage b && b.batch, true)).build();
    }

    /** Whether the reply was already counted by another request of the run it answered too. */
    public boolean shared() {
        return shared;
    }

    /** Input tokens served from the provider's prompt cache. */
    public int cachedInputTokens() {
        return cachedInputTokens;
    }

    /** Whether the reply is billed at batch prices. */
    public boolean batch() {
        return batch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BilledTokenUsage b && super.equals(o) && b.cachedInputTokens == cachedInputTokens
                && b.batch == batch && b.shared == shared;
    }

    @Override
    public int hashCode() {
        return (super.hashCode() * 31 + cachedInputTokens) * 4 + (batch ? 2 : 0) + (shared ? 1 : 0);
    }
}
