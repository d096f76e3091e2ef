package dev.railguard.engine.batchapi.internal;

import dev.langchain4j.model.output.TokenUsage;

/**
 * Token counts of a reply that came through a batch API: how many input tokens the provider served from its prompt
 * cache, and that the reply is billed at batch prices. The engine prices a response by these when its usage is one.
 */
public final class BilledTokenUsage extends TokenUsage {

    private final int cachedInputTokens;
    private final boolean batch;

    public BilledTokenUsage(int input, int cachedInput, int output, boolean batch) {
        super(input, output);
        this.cachedInputTokens = Math.max(0, Math.min(cachedInput, input));
        this.batch = batch;
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
                && b.batch == batch;
    }

    @Override
    public int hashCode() {
        return super.hashCode() * 31 + cachedInputTokens * 2 + (batch ? 1 : 0);
    }
}
