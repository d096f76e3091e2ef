package dev.railguard.engine;

import dev.railguard.api.Checks;

/**
 * Limits for the calls to one judge: how many may run at once, and optional request and token budgets per minute.
 * The concurrency limit is a ceiling: with adaptive concurrency on, the engine halves the judge's current limit when
 * it answers 429 and ramps it back up by about one call per window of successful calls (AIMD).
 *
 * <pre>{@code
 * RailguardEvaluator.builder()
 *     .judgeLimits("gpt-4o", JudgeLimits.ofConcurrency(8).withRequestsPerMinute(500).withTokensPerMinute(200_000))
 * }</pre>
 *
 * @param maxConcurrency    calls to this judge that may run at once, at least 1
 * @param requestsPerMinute requests per minute, {@code 0} for no budget
 * @param tokensPerMinute   estimated prompt tokens per minute (characters / 4), {@code 0} for no budget
 */
public record JudgeLimits(int maxConcurrency, int requestsPerMinute, long tokensPerMinute) {

    /** Validates. */
    public JudgeLimits {
        Checks.atLeast(maxConcurrency, 1, "maxConcurrency");
        Checks.atLeast(requestsPerMinute, 0, "requestsPerMinute (0: no budget)");
        Checks.atLeast(tokensPerMinute, 0, "tokensPerMinute (0: no budget)");
    }

    /** At most {@code maxConcurrency} calls at once, no per-minute budgets. */
    public static JudgeLimits ofConcurrency(int maxConcurrency) {
        return new JudgeLimits(maxConcurrency, 0, 0);
    }

    /** A copy with a requests-per-minute budget ({@code 0} for none). */
    public JudgeLimits withRequestsPerMinute(int requestsPerMinute) {
        return new JudgeLimits(maxConcurrency, requestsPerMinute, tokensPerMinute);
    }

    /** A copy with an estimated-prompt-tokens-per-minute budget ({@code 0} for none). */
    public JudgeLimits withTokensPerMinute(long tokensPerMinute) {
        return new JudgeLimits(maxConcurrency, requestsPerMinute, tokensPerMinute);
    }
}
