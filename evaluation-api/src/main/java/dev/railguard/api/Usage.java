package dev.railguard.api;

import java.time.Duration;
import java.util.Map;
import java.util.TreeMap;

/**
 * What judging cost: judge calls, tokens, time spent waiting for judges, and money where a price table is set.
 * Usages add up: a metric's usage is the sum of its calls, a result's usage the sum of its metrics.
 *
 * @param judgeCalls    calls that reached a judge model (cache hits excluded)
 * @param cacheHits     calls answered from the cache
 * @param inputTokens   prompt tokens reported by the judges
 * @param outputTokens  completion tokens reported by the judges
 * @param judgeTime     the sum of the latencies of the judge calls (not wall time: calls may overlap)
 * @param cost          the cost of the tokens in the price table's currency, {@code 0} without a price table
 * @param callsByJudge  judge calls per judge name, sorted by name
 * @param cachedInputTokens the part of {@code inputTokens} the provider served from its prompt cache (billed at the
 *                      cached-input price), where the provider reports it; else 0
 * @param synchronousCost what the same calls would cost through the provider's synchronous API at list prices; equal
 *                      to {@code cost} for synchronous calls, about twice {@code cost} for calls sent through a batch API
 */
public record Usage(
        int judgeCalls,
        int cacheHits,
        long inputTokens,
        long outputTokens,
        Duration judgeTime,
        double cost,
        Map<String, Integer> callsByJudge,
        long cachedInputTokens,
        double synchronousCost) {

    /** No judge was asked. */
    public static final Usage NONE = new Usage(0, 0, 0, 0, Duration.ZERO, 0.0, Map.of());

    /** A usage of synchronous calls without cached tokens: {@code synchronousCost} is {@code cost}. */
    public Usage(int judgeCalls, int cacheHits, long inputTokens, long outputTokens, Duration judgeTime, double cost,
            Map<String, Integer> callsByJudge) {
        this(judgeCalls, cacheHits, inputTokens, outputTokens, judgeTime, cost, callsByJudge, 0, cost);
    }

    /** Validates and copies. */
    public Usage {
        Checks.atLeast(judgeCalls, 0, "usage.judgeCalls");
        Checks.atLeast(cacheHits, 0, "usage.cacheHits");
        Checks.atLeast(inputTokens, 0, "usage.inputTokens");
        Checks.atLeast(outputTokens, 0, "usage.outputTokens");
        Checks.atLeast(cost, 0.0, "usage.cost");
        Checks.between(cachedInputTokens, 0, inputTokens, "usage.cachedInputTokens (a share of inputTokens)");
        Checks.atLeast(synchronousCost, 0.0, "usage.synchronousCost");
        Checks.notNull(judgeTime, "usage.judgeTime");
        callsByJudge = Map.copyOf(Checks.notNull(callsByJudge, "usage.callsByJudge"));
    }

    /** The usage of one call that reached judge {@code judge}. */
    public static Usage ofCall(String judge, long inputTokens, long outputTokens, Duration latency, double cost) {
        return new Usage(1, 0, inputTokens, outputTokens, latency, cost, Map.of(judge, 1));
    }

    /**
     * The usage of one billed call that reached judge {@code judge}: {@code cachedInputTokens} of the input were served
     * from the provider's prompt cache, {@code cost} is what it was billed (a batch price, say) and
     * {@code synchronousCost} what it would have cost synchronously.
     */
    public static Usage ofBilledCall(String judge, long inputTokens, long cachedInputTokens, long outputTokens,
            Duration latency, double cost, double synchronousCost) {
        return new Usage(1, 0, inputTokens, outputTokens, latency, cost, Map.of(judge, 1), cachedInputTokens,
                synchronousCost);
    }

    /** The usage of one call answered from the cache. */
    public static Usage ofCacheHit() {
        return new Usage(0, 1, 0, 0, Duration.ZERO, 0.0, Map.of());
    }

    /** The sum of this usage and {@code other}. */
    public Usage plus(Usage other) {
        Map<String, Integer> calls = new TreeMap<>(callsByJudge);
        other.callsByJudge.forEach((k, v) -> calls.merge(k, v, Integer::sum));
        return new Usage(judgeCalls + other.judgeCalls, cacheHits + other.cacheHits, inputTokens + other.inputTokens,
                outputTokens + other.outputTokens, judgeTime.plus(other.judgeTime), cost + other.cost, calls,
                cachedInputTokens + other.cachedInputTokens, synchronousCost + other.synchronousCost);
    }

    /** Input plus output tokens. */
    public long totalTokens() {
        return inputTokens + outputTokens;
    }
}
