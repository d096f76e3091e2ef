package dev.railguard.engine.batchapi.internal;

import dev.railguard.engine.PriceTable;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;

/**
 * Token counts of a reply that came through a batch API: how many input tokens the provider served from its prompt
 * cache or wrote to it, how it bills those, and that the reply is billed at batch prices. The engine prices a response by these when its usage is one.
 */
public final class BilledTokenUsage extends TokenUsage {

    private final int cachedInputTokens;
    private final int cacheWriteInputTokens;
    private final PriceTable.CacheBilling cacheBilling;
    private final boolean batch;
    private final boolean shared;

    /** {@code cachedInput} of the {@code input} tokens read from the prompt cache, billed at the input price. */
    public BilledTokenUsage(int input, int cachedInput, int output, boolean batch) {
        this(input, cachedInput, 0, output, PriceTable.CacheBilling.AT_INPUT_PRICE, batch, false);
    }

    /**
     * {@code cachedInput} of the {@code input} tokens read from the prompt cache and {@code cacheWriteInput} written
     * to it, billed by {@code cacheBilling} where the price table sets no price for them.
     */
    public BilledTokenUsage(int input, int cachedInput, int cacheWriteInput, int output,
            PriceTable.CacheBilling cacheBilling, boolean batch) {
        this(input, cachedInput, cacheWriteInput, output, cacheBilling, batch, false);
    }

    private BilledTokenUsage(int input, int cachedInput, int cacheWriteInput, int output,
            PriceTable.CacheBilling cacheBilling, boolean batch, boolean shared) {
        super(input, output);
        this.cachedInputTokens = Math.max(0, Math.min(cachedInput, input));
        this.cacheWriteInputTokens = Math.max(0, Math.min(cacheWriteInput, input - cachedInputTokens));
        this.cacheBilling = cacheBilling;
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
                        t == null || t.inputTokenCount() == null ? 0 : t.inputTokenCount(), 0, 0,
                        t == null || t.outputTokenCount() == null ? 0 : t.outputTokenCount(),
                        PriceTable.CacheBilling.AT_INPUT_PRICE, t instanceof BilledTokenUsage b && b.batch, true))
                .build();
    }

    /** Whether the reply was already counted by another request of the run it answered too. */
    public boolean shared() {
        return shared;
    }

    /** Input tokens served from the provider's prompt cache. */
    public int cachedInputTokens() {
        return cachedInputTokens;
    }

    /** Input tokens written to the provider's prompt cache. */
    public int cacheWriteInputTokens() {
        return cacheWriteInputTokens;
    }

    /** How the provider bills the tokens of its prompt cache when the price table sets no price for them. */
    public PriceTable.CacheBilling cacheBilling() {
        return cacheBilling;
    }

    /** Whether the reply is billed at batch prices. */
    public boolean batch() {
        return batch;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof BilledTokenUsage b && super.equals(o) && b.cachedInputTokens == cachedInputTokens
                && b.cacheWriteInputTokens == cacheWriteInputTokens && b.cacheBilling.equals(cacheBilling)
                && b.batch == batch && b.shared == shared;
    }

    @Override
    public int hashCode() {
        return ((super.hashCode() * 31 + cachedInputTokens) * 31 + cacheWriteInputTokens) * 4 + (batch ? 2 : 0)
                + (shared ? 1 : 0);
    }
}
