package dev.railguard.engine.internal.judge;

import dev.railguard.engine.Judge;
import dev.railguard.engine.PriceTable;
import dev.railguard.engine.batchapi.internal.BilledTokenUsage;

import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import dev.railguard.api.Usage;
import java.time.Duration;

/**
 * The usage of one judge response, priced: at the synchronous list price, or, for a reply through a batch API
 * ({@link BilledTokenUsage}), at the batch price with its cached input tokens and what it would cost synchronously; a
 * synchronous reply whose provider reported prompt-cache tokens ({@link ProviderTokenUsage}) is priced with them; a
 * reply that one billed line shared with another request of the run is a cache hit.
 */
final class BilledUsage {

    private BilledUsage() {}

    static Usage of(Judge judge, ChatResponse response, Duration latency, PriceTable prices) {
        TokenUsage tokens = ProviderTokenUsage.billed(response.tokenUsage());
        long in = tokens == null || tokens.inputTokenCount() == null ? 0 : tokens.inputTokenCount();
        long out = tokens == null || tokens.outputTokenCount() == null ? 0 : tokens.outputTokenCount();
        if (tokens instanceof BilledTokenUsage billed && billed.shared()) {
            return Usage.ofCacheHit();
        }
        if (tokens instanceof BilledTokenUsage billed) {
            long cached = billed.cachedInputTokens();
            long written = billed.cacheWriteInputTokens();
            return Usage.ofBilledCall(judge.name(), in, cached, out, latency,
                    prices.cost(judge.modelName(), in, cached, written, out, billed.batch(), billed.cacheBilling()),
                    prices.cost(judge.modelName(), in, cached, written, out, false, billed.cacheBilling()));
        }
        return Usage.ofCall(judge.name(), in, out, latency, prices.cost(judge.modelName(), in, out));
    }
}
