package dev.railguard.engine;

import java.util.Map;

/**
 * Counters of an evaluator's judge traffic since it was built, from {@link RailguardEvaluator#judgeStats()}.
 *
 * @param attempts           model calls started (every retry and repair counts)
 * @param retries            attempts that were retries of a retriable failure
 * @param rateLimited        attempts answered 429
 * @param timeouts           attempts that exceeded the call timeout (or the model's own timeout)
 * @param failedCalls        judge calls that ended without a usable reply after their retries
 * @param cacheHits          judge calls answered from the cache (memory or directory)
 * @param cacheMisses        judge calls the cache could not answer
 * @param corruptCacheEntries cache files that were cut short or damaged, detected and recomputed
 * @param concurrencyLimits  each judge's current adaptive concurrency limit, by judge name
 */
public record JudgeStats(long attempts, long retries, long rateLimited, long timeouts, long failedCalls,
        long cacheHits, long cacheMisses, long corruptCacheEntries, Map<String, Integer> concurrencyLimits) {

    /** Copies. */
    public JudgeStats {
        concurrencyLimits = Map.copyOf(concurrencyLimits);
    }
}
